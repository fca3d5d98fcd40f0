import { openDeps } from '../bootstrap';
import type { AppConfig } from '../config';
import { systemCtx } from '../context';
import { ArchiveRefused, archiveAuditEvents, verifyArchiveFile } from './archive';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** `audit archive --before YYYY-MM-DD DIR` and `audit verify-archive FILE`. */
export async function runArchiveCommand(
  config: AppConfig,
  sub: 'archive' | 'verify-archive',
  args: string[],
): Promise<number> {
  if (sub === 'verify-archive') {
    const [file] = args;
    if (!file) return usage('audit verify-archive FILE');
    const r = verifyArchiveFile(file);
    say(
      r.ok
        ? `archive OK: ${r.count} events, last hash ${r.lastHash}, SM3 ${r.sm3}`
        : `archive BROKEN: ${r.reason}`,
    );
    return r.ok ? 0 : 2;
  }
  const i = args.indexOf('--before');
  const before = i >= 0 ? args[i + 1] : undefined;
  const dir = args.filter((_, j) => j !== i && j !== i + 1)[0];
  if (!before || !dir) return usage('audit archive --before YYYY-MM-DD DIR');
  const { deps, handle } = await openDeps(config);
  try {
    const r = await archiveAuditEvents(systemCtx(deps), before, dir);
    say(
      r.file
        ? `archived events ${r.firstId}–${r.lastId} (${r.count}) to ${r.file}`
        : `nothing to archive before ${before}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ArchiveRefused)) throw error;
    process.stderr.write(`archive refused: ${error.message}\n`);
    return 1;
  } finally {
    await handle.close();
  }
}

function usage(text: string): number {
  process.stderr.write(`usage: npm run corridor -- ${text}\n`);
  return 1;
}
