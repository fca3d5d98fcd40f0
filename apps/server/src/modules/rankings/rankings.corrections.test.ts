import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeOrg,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import {
  decide as decideCorrection,
  draftEdition,
  enterpriseUser,
  inDays,
  makeInputs,
  publishedEdition,
  publishedMethod,
  step,
} from './rankings.test-helpers';

let t: TestApp;
let publisher: Session;

beforeAll(async () => {
  // These walk the workflow without waiting: no minimum correction window (its rule has
  // its own tests, at the default, in rankings.window.test.ts).
  t = await createTestApp({ RANKING_MIN_CORRECTION_DAYS: '0' });
  publisher = await makeUser(t, ['ranking_publisher']);
});
afterAll(() => t.close());

const claim = (s: Session, editionId: number, body: Record<string, unknown> = {}) =>
  as(t, s, {
    method: 'POST',
    url: `/api/v1/rankings/editions/${editionId}/corrections`,
    payload: { field: 'ipTotal', claimedValue: 9, reason: '漏报两项发明专利', ...body },
  });
const decide = (s: Session, id: number, body: Record<string, unknown>) =>
  decideCorrection(t, s, id, body);

async function windowEdition(n = 3) {
  const { year, enterprises } = await makeInputs(t, n);
  const method = await publishedMethod(t, publisher);
  const draft = await draftEdition(t, publisher, method.id, year);
  return { draft, enterprises, method };
}

describe('the correction window', () => {
  it('takes no claim before the window opens, nor after it closes or its date passes', async () => {
    const { draft, enterprises } = await windowEdition();
    const ent = await enterpriseUser(t, enterprises[0]!.orgId);
    // A draft is not shown to enterprises yet: nothing to claim against.
    expect((await claim(ent, draft.id)).statusCode).toBe(404);

    await step(t, publisher, draft.id, 'open-window', { closesOn: inDays(3) });
    expect((await claim(ent, draft.id)).statusCode).toBe(201);

    // The closing date passes (set directly: the service reads today's date in UTC+8).
    await t.deps.db
      .updateTable('rankingEditions')
      .set({ windowClosesOn: inDays(-1) })
      .where('id', '=', draft.id)
      .execute();
    const late = await claim(ent, draft.id, { field: 'debtRatio', claimedValue: 0.1 });
    expect([late.statusCode, late.json().code]).toEqual([409, 'ranking.window_not_open']);
    expect(
      (await as(t, ent, { method: 'GET', url: `/api/v1/rankings/editions/${draft.id}` })).json()
        .abilities.fileCorrection,
    ).toBe(false);

    await step(t, publisher, draft.id, 'close-window');
    const closed = await claim(ent, draft.id, { field: 'debtRatio', claimedValue: 0.1 });
    expect([closed.statusCode, closed.json().code]).toEqual([409, 'ranking.window_not_open']);
  });

  it('an enterprise claims for its own organisation only, and only once per open indicator', async () => {
    const { draft, enterprises } = await windowEdition();
    await step(t, publisher, draft.id, 'open-window', { closesOn: inDays(3) });
    const ent = await enterpriseUser(t, enterprises[0]!.orgId);
    const other = await claim(ent, draft.id, { orgId: enterprises[1]!.orgId });
    expect([other.statusCode, other.json().code]).toEqual([403, 'permission.denied']);

    // An enterprise outside the snapshot does not even see the edition.
    const outsider = await enterpriseUser(t, (await makeOrg(t)).id);
    expect((await claim(outsider, draft.id)).statusCode).toBe(404);
    // Only enterprise accounts claim at all.
    const orgless = await makeUser(t, ['talent']);
    expect((await claim(orgless, draft.id)).statusCode).toBe(403);

    expect((await claim(ent, draft.id, { orgId: enterprises[0]!.orgId })).statusCode).toBe(201);
    const twice = await claim(ent, draft.id);
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'ranking.correction_pending']);

    const notInMethod = await claim(ent, draft.id, { field: 'revenue' });
    expect(notInMethod.json().details[0]).toMatchObject({
      field: 'field',
      code: 'ranking.field_not_in_method',
    });
    for (const body of [
      { reason: '' },
      { claimedValue: 'nine' },
      { claimedValue: 1e13 },
      { field: 'notAMetric' },
      { evidence: '<script>x</script>' },
      { extra: 1 },
    ]) {
      expect((await claim(ent, draft.id, body)).statusCode, JSON.stringify(body)).toBe(400);
    }

    // The enterprise sees its own claims, not others'.
    const ent2 = await enterpriseUser(t, enterprises[1]!.orgId);
    expect((await claim(ent2, draft.id, { claimedValue: 4 })).statusCode).toBe(201);
    const own = await as(t, ent, {
      method: 'GET',
      url: `/api/v1/rankings/editions/${draft.id}/corrections`,
    });
    expect(own.json().items.map((c: { orgId: number }) => c.orgId)).toEqual([
      enterprises[0]!.orgId,
    ]);
    const all = await as(t, publisher, {
      method: 'GET',
      url: `/api/v1/rankings/editions/${draft.id}/corrections?status=pending`,
    });
    expect(all.json().total).toBe(2);
  });

  it('the publisher decides each claim with a reason; a rejection leaves the input as it was', async () => {
    const { draft, enterprises } = await windowEdition();
    await step(t, publisher, draft.id, 'open-window', { closesOn: inDays(3) });
    const ent = await enterpriseUser(t, enterprises[2]!.orgId);
    const filed = (await claim(ent, draft.id)).json();
    expect(filed.previousValue).toBe(4); // (2 × 7) mod 5

    expect((await decide(publisher, filed.id, { decision: 'reject' })).statusCode).toBe(400);
    expect(
      (await decide(publisher, filed.id, { decision: 'maybe', reason: '说明' })).statusCode,
    ).toBe(400);
    // Only the edition's own publisher decides; enterprises and officials cannot at all.
    const otherPublisher = await makeUser(t, ['ranking_publisher']);
    expect(
      (await decide(otherPublisher, filed.id, { decision: 'accept', reason: '越权' })).statusCode,
    ).toBe(403);
    expect(
      (await decide(ent, filed.id, { decision: 'accept', reason: '自己批准' })).statusCode,
    ).toBe(403);

    const audits = await countAudit(t, { action: 'ranking.correction.reject', actor: publisher });
    const rejected = await decide(publisher, filed.id, { decision: 'reject', reason: '证据不足' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: '证据不足' });
    expect(await countAudit(t, { action: 'ranking.correction.reject', actor: publisher })).toBe(
      audits + 1,
    );
    const again = await decide(publisher, filed.id, { decision: 'accept', reason: '改判' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'ranking.correction_decided']);
    const input = await as(t, ent, {
      method: 'GET',
      url: `/api/v1/rankings/editions/${draft.id}/inputs`,
    });
    expect(input.json().items[0].values[1]).toMatchObject({
      key: 'ipTotal',
      value: 4,
      provenance: 'registry',
    });
    // The enterprise sees the decision and its reason.
    const seen = await as(t, ent, {
      method: 'GET',
      url: `/api/v1/rankings/editions/${draft.id}/corrections`,
    });
    expect(seen.json().items[0]).toMatchObject({ status: 'rejected', decisionReason: '证据不足' });

    // After a rejection the indicator may be claimed again, and this time accepted.
    const second = (await claim(ent, draft.id, { evidence: '专利证书编号 ZL2025…' })).json();
    const accepted = await decide(publisher, second.id, { decision: 'accept', reason: '证书核实' });
    expect(accepted.statusCode).toBe(200);
    const event = await t.deps.db
      .selectFrom('auditEvents')
      .select('detail')
      .where('action', '=', 'ranking.correction.accept')
      .where('objectId', '=', String(second.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail)).toMatchObject({
      applied: { from: 4, to: 9 },
      reason: '证书核实',
    });
  });
});

describe('a published edition is immutable', () => {
  it('every write answers 409 (its publisher) or 403 (anyone else), and nothing changes', async () => {
    const { edition, enterprises, method } = await publishedEdition(t, publisher, 3);
    const ent = await enterpriseUser(t, enterprises[0]!.orgId);
    const snapshot = async () => ({
      edition: await t.deps.db
        .selectFrom('rankingEditions')
        .selectAll()
        .where('id', '=', edition.id)
        .executeTakeFirstOrThrow(),
      entries: await t.deps.db
        .selectFrom('rankingEntries')
        .selectAll()
        .where('editionId', '=', edition.id)
        .orderBy('orgId')
        .execute(),
      inputs: await t.deps.db
        .selectFrom('rankingInputs')
        .selectAll()
        .where('editionId', '=', edition.id)
        .orderBy('orgId')
        .execute(),
    });
    const before = await snapshot();
    // The publisher sends the version it has just read: immutability, not a stale version, refuses.
    const version = edition.version as number;
    const writes: [Session, string, string, object][] = [
      [publisher, 'PATCH', `/rankings/editions/${edition.id}`, { title: '改个名字', version }],
      [
        publisher,
        'POST',
        `/rankings/editions/${edition.id}/open-window`,
        { closesOn: inDays(3), version },
      ],
      [publisher, 'POST', `/rankings/editions/${edition.id}/close-window`, { version }],
      [publisher, 'POST', `/rankings/editions/${edition.id}/publish`, { version }],
      [
        ent,
        'POST',
        `/rankings/editions/${edition.id}/corrections`,
        { field: 'ipTotal', claimedValue: 1, reason: '发布后纠错' },
      ],
    ];
    for (const [s, method, url, payload] of writes) {
      const res = await as(t, s, { method: method as 'POST', url: `/api/v1${url}`, payload });
      expect([res.statusCode, res.json().code], url).toEqual([409, 'ranking.published_immutable']);
    }
    const province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
    const city = await makeUser(t, ['city_admin'], { regionCode: '420100' });
    for (const official of [province, city]) {
      for (const [, method, url, payload] of writes) {
        const res = await as(t, official, {
          method: method as 'POST',
          url: `/api/v1${url}`,
          payload,
        });
        expect(res.statusCode, url).toBe(403);
      }
      // Officials read it like everyone else.
      expect(
        (
          await as(t, official, { method: 'GET', url: `/api/v1/rankings/editions/${edition.id}` })
        ).json().status,
      ).toBe('published');
    }
    const methodEdit = await as(t, publisher, {
      method: 'PATCH',
      url: `/api/v1/rankings/methods/${method.id}`,
      payload: { name: '改方法', revision: method.revision },
    });
    expect(methodEdit.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it('the database refuses to change a published edition, its entries, document and inputs', async () => {
    const { edition } = await publishedEdition(t, publisher, 2);
    const attempts = [
      t.deps.db.updateTable('rankingEditions').set({ title: '篡改' }).where('id', '=', edition.id),
      t.deps.db.deleteFrom('rankingEditions').where('id', '=', edition.id),
      t.deps.db.updateTable('rankingEntries').set({ rank: 1 }).where('editionId', '=', edition.id),
      t.deps.db.deleteFrom('rankingEntries').where('editionId', '=', edition.id),
      t.deps.db
        .updateTable('rankingEditionDocuments')
        .set({ canonicalJson: '{}' })
        .where('editionId', '=', edition.id),
      t.deps.db
        .updateTable('rankingInputs')
        .set({ inputValues: '{}' })
        .where('editionId', '=', edition.id),
    ];
    for (const q of attempts) {
      await expect(q.execute()).rejects.toThrow(/immutable/);
    }
    const verify = await as(t, null, {
      method: 'GET',
      url: `/api/v1/rankings/editions/${edition.id}/verify`,
    });
    expect(verify.json().valid).toBe(true);
  });
});
