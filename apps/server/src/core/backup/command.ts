import { verifyAuditChain } from '../audit/verify';
import { openDeps } from '../bootstrap';
import type { AppConfig } from '../config';
import { backupTo } from './backup';
import { BackupError } from './manifest';
import { restoreFrom } from './restore';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** `corridor backup DIR` and `corridor restore DIR`; exit code 1 with the reason on refusal. */
export async function runBackupCommand(
  config: AppConfig,
  command: 'backup' | 'restore',
  dir: string | undefined,
): Promise<number> {
  if (!dir) {
    process.stderr.write(`usage: npm run corridor -- ${command} DIR\n`);
    return 1;
  }
  try {
    if (command === 'backup') {
      const { deps, handle } = await openDeps(config);
      try {
        const m = await backupTo(deps, dir);
        const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
        say(
          `backup written to ${dir}: ${m.engine}, ${Object.keys(m.tables).length} tables, ${rows} rows, ` +
            `${m.files.count} files, audit head ${m.auditHead.lastId}, SM3 ${m.database.sm3.slice(0, 16)}…`,
        );
      } finally {
        await handle.close();
      }
      return 0;
    }
    const m = await restoreFrom(config, dir);
    say(`restored ${m.engine} backup of ${m.createdAt}: row counts equal the manifest`);
    // Opening migrates (a backup of an older version catches up) and checks the installation key.
    const { deps, handle } = await openDeps(config);
    try {
      const result = await verifyAuditChain(deps.db);
      if (!result.ok) {
        say(`audit chain BROKEN after restore at event ${result.firstBadId}: ${result.reason}`);
        return 2;
      }
      say(`audit chain OK: ${result.checked} events verified`);
    } finally {
      await handle.close();
    }
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    process.stderr.write(`${command} refused: ${error.message}\n`);
    return 1;
  }
}
