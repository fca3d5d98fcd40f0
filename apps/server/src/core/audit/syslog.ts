import { createSocket } from 'node:dgram';
import { hostname } from 'node:os';

/**
 * A copy of each audit checkpoint to a syslog collector (RFC 5424 over UDP, facility 13 "log
 * audit", severity 6): a second place outside the machine that an intruder holding it cannot
 * rewrite. UDP may lose a message; the file in AUDIT_CHECKPOINT_DIR remains the record.
 */
const PRI = 13 * 8 + 6;

export function syslogLine(json: string, at: string): string {
  return `<${PRI}>1 ${at} ${hostname() || '-'} corridor-cloud ${process.pid} audit-checkpoint - ${json}`;
}

export async function sendToSyslog(
  target: { host: string; port: number },
  line: string,
): Promise<void> {
  const socket = createSocket(target.host.includes(':') ? 'udp6' : 'udp4');
  try {
    await new Promise<void>((done, fail) =>
      socket.send(Buffer.from(line, 'utf8'), target.port, target.host, (error) =>
        error ? fail(error) : done(),
      ),
    );
  } finally {
    socket.close();
  }
}
