import { createSocket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrg, type TestApp } from '../../../test/helpers';
import { checkpointSignatureHolds, writeCheckpoint } from '../../core/audit/checkpoints';
import { ConfigError, loadConfig } from '../../core/config';

/** Each signed checkpoint also goes to a syslog collector when AUDIT_SYSLOG names one. */
let t: TestApp;
const collector = createSocket('udp4');
const received: string[] = [];
let port = 0;

beforeAll(async () => {
  await new Promise<void>((done) => collector.bind(0, '127.0.0.1', () => done()));
  port = collector.address().port;
  collector.on('message', (m) => received.push(m.toString('utf8')));
  t = await createTestApp({ AUDIT_SYSLOG: `udp://127.0.0.1:${port}` });
});
afterAll(async () => {
  collector.close();
  await t?.close();
});

describe('checkpoints to syslog', () => {
  it('sends an RFC 5424 audit message holding the signed checkpoint', async () => {
    await makeOrg(t);
    const c = await writeCheckpoint(t.deps);
    await expect.poll(() => received.length, { timeout: 5_000 }).toBeGreaterThan(0);
    const line = received.at(-1)!;
    expect(line).toMatch(/^<110>1 \S+ \S+ corridor-cloud \d+ audit-checkpoint - \{/);
    const sent = JSON.parse(line.slice(line.indexOf('{')));
    expect(sent).toEqual(c);
    expect(checkpointSignatureHolds(sent)).toBe(true);
  });

  it('takes udp://host:port only', () => {
    expect(loadConfig({ AUDIT_SYSLOG: 'udp://logs.example.cn:514' }).audit.syslog).toEqual({
      host: 'logs.example.cn',
      port: 514,
    });
    expect(() => loadConfig({ AUDIT_SYSLOG: 'tcp://logs:514' })).toThrow(ConfigError);
    expect(loadConfig({}).audit.syslog).toBeNull();
  });
});
