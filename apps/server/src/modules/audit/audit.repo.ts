import type { AuditQuery } from '@corridor/contracts';
import { type Db, type Dialect, likeText } from '../../core/db/dialect';

export async function listAuditRows(
  db: Db,
  dialect: Dialect,
  q: AuditQuery,
  regionCode: string | null,
) {
  let query = db.selectFrom('auditEvents');
  if (q.action) query = query.where('action', '=', q.action);
  if (q.outcome) query = query.where('outcome', '=', q.outcome);
  if (q.actorId) query = query.where('actorId', '=', q.actorId);
  if (q.actor) query = query.where(likeText(dialect, 'actorName', q.actor));
  if (q.objectType) query = query.where('objectType', '=', q.objectType);
  if (q.objectId) query = query.where('objectId', '=', q.objectId);
  if (q.from) query = query.where('occurredAt', '>=', `${q.from}T00:00:00.000Z`);
  if (q.to) query = query.where('occurredAt', '<', nextDay(q.to));
  if (regionCode) query = query.where('regionCode', '=', regionCode);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query
      .selectAll()
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
