import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditAction, AuditObjectType } from '@corridor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  as,
  createTestApp,
  makeOrg,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { ArchiveRefused, archiveAuditEvents, verifyArchiveFile } from '../../core/audit/archive';
import { writeAuditAlone } from '../../core/audit/audit';
import { systemCtx } from '../../core/context';

/**
 * Retention: events younger than 180 days cannot leave the database — not through the archive,
 * not by SQL; older ones are archived to a file and the chain still verifies. A database of its
 * own; the old events are written with the clock set back a year.
 */
let t: TestApp;
let auditor: Session;
const dir = mkdtempSync(join(tmpdir(), 'corridor-archive-'));

beforeAll(async () => {
  t = await createTestApp({}, { ownDatabase: true });
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-11-20T08:00:00.000Z') });
  try {
    for (let i = 0; i < 30; i++)
      await writeAuditAlone(systemCtx(t.deps), {
        // Any event will do: these stand for six-month-old history (a code outside the catalogue).
        action: 'test.old' as AuditAction,
        objectType: 'test' as AuditObjectType,
        objectId: i,
      });
  } finally {
    vi.useRealTimers();
  }
  auditor = await makeUser(t, ['auditor']);
  await makeOrg(t);
});
afterAll(() => t?.close());

const verify = async () =>
  (await as(t, auditor, { method: 'GET', url: '/api/v1/audit/verify' })).json();
const oldest = () =>
  t.deps.db
    .selectFrom('auditEvents')
    .select(['id', 'occurredAt'])
    .orderBy('id')
    .executeTakeFirstOrThrow();

describe('audit retention', () => {
  it('refuses to archive, and the database to delete, events younger than 180 days', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await expect(archiveAuditEvents(systemCtx(t.deps), today, dir)).rejects.toThrow(ArchiveRefused);
    const recent = await t.deps.db
      .selectFrom('auditEvents')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await expect(
      t.deps.db.deleteFrom('auditEvents').where('id', '=', recent.id).execute(),
    ).rejects.toThrow(/append-only/);
    // An old event is not deletable either until it is archived.
    const first = await oldest();
    expect(first.occurredAt < '2026-01-01').toBe(true);
    await expect(
      t.deps.db.deleteFrom('auditEvents').where('id', '=', first.id).execute(),
    ).rejects.toThrow(/append-only/);
    // Nor can an archive row be made by hand for a young event.
    await expect(
      t.deps.db
        .insertInto('auditArchives')
        .values({
          id: 1,
          firstId: 1,
          lastId: recent.id,
          lastHash: 'x',
          fileName: 'f',
          fileSm3: 's',
          archivedAt: 'now',
        })
        .execute(),
    ).rejects.toThrow(/older than 180 days/);
  });

  it('archives older events to a file; the chain and the file both verify', async () => {
    const before = (
      await t.deps.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    const r = await archiveAuditEvents(systemCtx(t.deps), '2026-01-01', dir);
    expect(r.count).toBeGreaterThanOrEqual(30);
    const file = verifyArchiveFile(r.file!);
    expect(file).toMatchObject({ ok: true, count: r.count });
    const row = await t.deps.db.selectFrom('auditArchives').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      firstId: 1,
      lastId: r.lastId,
      fileSm3: file.sm3,
      lastHash: file.lastHash,
    });
    expect((await oldest()).id).toBe(r.lastId + 1);
    const after = (
      await t.deps.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    // The archived run left; the audit.archive event (and the verify call) came.
    expect(Number(after)).toBe(Number(before) - r.count + 1);
    const ok = await verify();
    expect(ok).toMatchObject({ ok: true, archived: r.lastId });
    // Archives are append-only, and a changed file no longer verifies.
    await expect(sql`delete from audit_archives`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    const lines = readFileSync(r.file!, 'utf8').split('\n');
    lines[3] = lines[3]!.replace('test.old', 'test.new');
    writeFileSync(r.file!, lines.join('\n'));
    expect(verifyArchiveFile(r.file!)).toMatchObject({ ok: false });
    // A second run finds nothing more that is old enough.
    expect((await archiveAuditEvents(systemCtx(t.deps), '2026-01-01', dir)).count).toBe(0);
  });
});
