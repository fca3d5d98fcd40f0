import { isCanonicalJson } from '@corridor/contracts';
import { sm2 } from 'sm-crypto-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import {
  decide,
  draftEdition,
  enterpriseUser,
  inDays,
  inputsOf,
  makeInputs,
  publishedEdition,
  publishedMethod,
  setInputs,
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

const get = (s: Session | null, url: string) => as(t, s, { method: 'GET', url: `/api/v1${url}` });

describe('the edition workflow: draft → correction window → published', () => {
  it('freezes inputs, takes a correction, publishes a signed list anyone can read', async () => {
    const { year, enterprises } = await makeInputs(t, 6);
    const method = await publishedMethod(t, publisher);
    const before = await countAudit(t, { action: 'ranking.edition.create', actor: publisher });
    const draft = await draftEdition(t, publisher, method.id, year);
    expect(draft).toMatchObject({ status: 'draft', entryCount: 6 });
    expect(await countAudit(t, { action: 'ranking.edition.create', actor: publisher })).toBe(
      before + 1,
    );

    // The snapshot is frozen: later changes at the source do not reach the draft.
    const frozen = inputsOf(year);
    setInputs(
      year,
      frozen.map((r) => ({ ...r, values: { ...r.values, revenueGrowth: 99 } })),
    );
    const inputs = await get(publisher, `/rankings/editions/${draft.id}/inputs?pageSize=100`);
    expect(
      inputs.json().items.map((r: { values: { value: number }[] }) => r.values[0]!.value),
    ).not.toContain(99);
    setInputs(year, frozen);

    const open = await step(t, publisher, draft.id, 'open-window', { closesOn: inDays(5) });
    expect(open.json()).toMatchObject({ status: 'correction', windowClosesOn: inDays(5) });

    // The last enterprise sees only its own inputs and claims a better revenue growth.
    const target = enterprises[5]!;
    const ent = await enterpriseUser(t, target.orgId);
    const mine = await get(ent, `/rankings/editions/${draft.id}/inputs`);
    expect(mine.json().items.map((r: { orgId: number }) => r.orgId)).toEqual([target.orgId]);
    expect((await get(ent, `/rankings/editions/${draft.id}`)).json().abilities.fileCorrection).toBe(
      true,
    );
    const filed = await as(t, ent, {
      method: 'POST',
      url: `/api/v1/rankings/editions/${draft.id}/corrections`,
      payload: {
        field: 'debtRatio',
        claimedValue: 0.05,
        reason: '年报口径错误',
        evidence: '审计报告第 12 页',
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({
      status: 'pending',
      previousValue: 0.55,
      claimedValue: 0.05,
    });

    // Publication waits for the window to close and for every claim to be decided.
    expect((await step(t, publisher, draft.id, 'publish')).json().code).toBe('ranking.wrong_state');
    await step(t, publisher, draft.id, 'close-window');
    const blocked = await step(t, publisher, draft.id, 'publish');
    expect([blocked.statusCode, blocked.json().code]).toEqual([409, 'ranking.corrections_pending']);

    const decided = await decide(t, publisher, filed.json().id, {
      decision: 'accept',
      reason: '审计报告核实无误',
    });
    expect(decided.json()).toMatchObject({
      status: 'accepted',
      decisionReason: '审计报告核实无误',
    });
    const corrected = await get(
      publisher,
      `/rankings/editions/${draft.id}/inputs?q=${target.creditCode}`,
    );
    expect(corrected.json().items[0].values[2]).toEqual({
      key: 'debtRatio',
      value: 0.05,
      provenance: 'corrected',
    });

    const published = await step(t, publisher, draft.id, 'publish');
    expect(published.statusCode, published.body).toBe(200);
    const edition = published.json();
    expect(edition).toMatchObject({ status: 'published', entryCount: 6, previousEditionId: null });
    expect(edition.signature.algorithm).toBe('SM2-SM3');
    expect(edition.finalInputsSm3).not.toBe(edition.frozenInputsSm3);
    expect(
      await countAudit(t, { action: 'ranking.edition.publish', objectId: String(draft.id) }),
    ).toBe(1);

    // Anyone, signed in or not, reads the list with its breakdown.
    const entries = await get(null, `/rankings/editions/${draft.id}/entries?pageSize=100`);
    expect(entries.statusCode).toBe(200);
    const list = entries.json().items as {
      rank: number;
      creditCode: string;
      total: number;
      indicators: { contribution: number; provenance: string }[];
    }[];
    expect(list).toHaveLength(6);
    expect(list[0]!.creditCode).toBe(target.creditCode); // best growth and, now, lowest debt
    for (const e of list) {
      const sum = e.indicators.reduce((s, i) => s + i.contribution, 0);
      expect(e.total).toBeCloseTo(sum, 6);
    }
    expect(list[0]!.indicators[2]!.provenance).toBe('corrected');
    const ranks = list.map((e) => e.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    // The signed document: canonical, and the signature checks with the plain library call.
    const json = await get(null, `/rankings/editions/${draft.id}/edition.json`);
    const sig = (await get(null, `/rankings/editions/${draft.id}/signature.hex`)).body;
    const key = (await get(null, `/rankings/editions/${draft.id}/publickey.hex`)).body;
    expect(json.headers['content-type']).toContain('application/json');
    expect(isCanonicalJson(json.body)).toBe(true);
    expect(sm2.doVerifySignature(json.body, sig, key, { hash: true })).toBe(true);
    const doc = JSON.parse(json.body);
    expect(doc.corrections).toEqual([
      expect.objectContaining({ creditCode: target.creditCode, decision: 'accepted' }),
    ]);
    expect(doc.signer.publicKey).toBe(key);
    expect((await get(null, `/rankings/editions/${draft.id}/verify`)).json()).toMatchObject({
      valid: true,
      reason: null,
    });
  });

  it('shows movement against the previous published edition of the same method and scope', async () => {
    const first = await publishedEdition(t, publisher, 4);
    // Next year: the same enterprises, growth order reversed.
    const { year } = await makeInputs(t, 0);
    const rows = inputsOf(first.year).map((r, i, all) => ({
      ...r,
      values: { ...r.values, revenueGrowth: 0.1 * (all.length - i), debtRatio: 0.4 },
    }));
    setInputs(year, rows);
    const draft = await draftEdition(t, publisher, first.method.id, year);
    await step(t, publisher, draft.id, 'open-window', { closesOn: inDays(1) });
    await step(t, publisher, draft.id, 'close-window');
    const second = (await step(t, publisher, draft.id, 'publish')).json();
    expect(second.previousEditionId).toBe(first.edition.id);
    const before = new Map(
      (await get(null, `/rankings/editions/${first.edition.id}/entries`))
        .json()
        .items.map((e: { creditCode: string; rank: number }) => [e.creditCode, e.rank]),
    );
    const after = (await get(null, `/rankings/editions/${draft.id}/entries`)).json().items as {
      creditCode: string;
      rank: number;
      previousRank: number;
      movement: number;
    }[];
    for (const e of after) {
      expect(e.previousRank).toBe(before.get(e.creditCode));
      expect(e.movement).toBe(e.previousRank - e.rank);
    }
    expect(after.some((e) => e.movement > 0)).toBe(true);
  });

  it('filters entries by city and industry and exports the breakdown to Excel', async () => {
    const { edition } = await publishedEdition(t, publisher, 6);
    const wuhan = await get(null, `/rankings/editions/${edition.id}/entries?city=420100`);
    expect(wuhan.json().total).toBe(2);
    expect(wuhan.json().items.every((e: { regionCode: string }) => e.regionCode === '420100')).toBe(
      true,
    );
    const bio = await get(null, `/rankings/editions/${edition.id}/entries?industry=biomedicine`);
    expect(bio.json().total).toBe(3);

    const xlsx = await get(null, `/rankings/editions/${edition.id}/export?city=420100`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('榜单')!;
    expect(sheet.rowCount).toBe(3); // header + 2 Wuhan rows
    const header = (sheet.getRow(1).values as unknown[]).filter(Boolean);
    expect(header).toEqual(
      expect.arrayContaining(['排名', '总分', '营业收入增长率·原值', '资产负债率·得分（权重0.2）']),
    );
    expect(sheet.getRow(2).getCell(4).value).toBe('武汉');
    expect(wb.getWorksheet('说明与签名')).toBeDefined();
  });

  it('does not show drafts to the public or to unrelated accounts', async () => {
    const { year } = await makeInputs(t, 2);
    const method = await publishedMethod(t, publisher);
    const draft = await draftEdition(t, publisher, method.id, year);
    const talent = await makeUser(t, ['talent']);
    const otherPublisher = await makeUser(t, ['ranking_publisher']);
    for (const s of [null, talent, otherPublisher]) {
      const res = await get(s, `/rankings/editions/${draft.id}`);
      expect(res.statusCode).toBe(404);
      const list = await get(s, '/rankings/editions?pageSize=100&status=draft');
      expect(list.json().items.map((e: { id: number }) => e.id)).not.toContain(draft.id);
    }
    // Downloads exist only once published.
    const early = await get(publisher, `/rankings/editions/${draft.id}/edition.json`);
    expect([early.statusCode, early.json().code]).toEqual([409, 'ranking.not_published']);
  });

  it('a publish refused for pending corrections writes nothing, not even the signing key (found by the fuzzer)', async () => {
    const { year, enterprises } = await makeInputs(t, 2);
    const fresh = await makeUser(t, ['ranking_publisher']); // no signing key yet
    const method = await publishedMethod(t, fresh);
    const draft = await draftEdition(t, fresh, method.id, year);
    await step(t, fresh, draft.id, 'open-window', { closesOn: inDays(3) });
    const ent = await enterpriseUser(t, enterprises[0]!.orgId);
    const filed = await as(t, ent, {
      method: 'POST',
      url: `/api/v1/rankings/editions/${draft.id}/corrections`,
      payload: { field: 'ipTotal', claimedValue: 9, reason: '漏报两项发明专利' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    await step(t, fresh, draft.id, 'close-window');
    const before = await countAudit(t, { actor: fresh });
    const blocked = await step(t, fresh, draft.id, 'publish');
    expect([blocked.statusCode, blocked.json().code]).toEqual([409, 'ranking.corrections_pending']);
    expect(await countAudit(t, { actor: fresh })).toBe(before);
    expect(await countAudit(t, { action: 'ranking.key.create', actor: fresh })).toBe(0);
  });
});
