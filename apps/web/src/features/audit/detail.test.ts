import {
  AUDIT_ACTION_CODES,
  AUDIT_ACTIONS,
  type AuditEvent,
  type Locale,
} from '@corridor/contracts';
import { describe, expect, it } from 'vitest';
import { type MessageKey, type MessageParams, translate } from '../../i18n';
import { describeDetail, detailSummary } from './detail';
import { actionText, describeObject } from './objects';

const words = (locale: Locale = 'zh-CN') => ({
  locale,
  t: (key: MessageKey, params?: MessageParams) => translate(key, params, locale),
});

function view(objectType: string | null, detail: unknown, locale?: Locale) {
  const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
  const v = describeDetail({ objectType, detail: text }, words(locale));
  return { ...v, summary: detailSummary(v, locale ?? 'zh-CN') };
}

/** What the page shows never looks like stored JSON or carries its codes. */
function expectWords(summary: string, codes: string[] = []) {
  expect(summary).not.toMatch(/[{}"[\]]/);
  for (const code of codes) expect(summary).not.toContain(code);
}

const event = (e: Partial<AuditEvent>): AuditEvent => ({
  id: 1,
  occurredAt: '2026-12-04T05:20:00.000Z',
  actorId: 7,
  actorName: 'wh_admin',
  actorRoles: 'city_admin',
  regionCode: '420100',
  action: 'org.update',
  objectType: 'org',
  objectId: '32',
  objectName: null,
  detailNames: {},
  sourceIp: '127.0.0.1',
  outcome: 'success',
  detail: '{}',
  hash: 'ab'.repeat(32),
  ...e,
});

describe('audit detail in words', () => {
  it('shows a status step as old → new in the workflow’s words', () => {
    const v = view('deal', {
      requestId: 'req-9',
      from: 'signed',
      to: 'registered',
      registrationNo: '2026420100000123',
    });
    expect(v.changes).toEqual([
      { key: 'status', label: '状态', before: '已签订', after: '已登记' },
    ]);
    expect(v.facts.map((f) => [f.label, f.value])).toEqual([['合同登记编号', '2026420100000123']]);
    expect(v.summary).toBe('状态：已签订 → 已登记；合同登记编号：2026420100000123');
    // The request id is for the raw view only.
    expectWords(v.summary, ['req-9', 'signed', 'registered', 'requestId']);
  });

  it('diffs changed fields against the values they replaced, field by field', () => {
    const v = view('org', {
      changed: {
        name: '光谷新材科技有限公司',
        industry: 'biomedicine',
        contactName: 'hmac-sm3:aa',
      },
      before: { name: '光谷材料有限公司', industry: 'optoelectronics', contactName: 'hmac-sm3:bb' },
      fromVersion: 3,
    });
    expect(v.changes).toEqual([
      { key: 'name', label: '名称', before: '光谷材料有限公司', after: '光谷新材科技有限公司' },
      { key: 'industry', label: '行业', before: '光电子信息', after: '生物医药' },
      {
        key: 'contactName',
        label: '联系人',
        before: '（个人信息已脱敏）',
        after: '（个人信息已脱敏）',
      },
    ]);
    expect(v.facts.map((f) => [f.label, f.value])).toEqual([['修改前版本', '3']]);
    expectWords(v.summary, ['hmac-sm3', 'biomedicine', 'changed', 'before']);
  });

  it('says when an older event did not record the old value, and names roles', () => {
    const old = view('market_achievement', { changed: { trl: 6, priceWan: 120 } });
    expect(old.changes).toEqual([
      { key: 'trl', label: '技术成熟度', before: '（未记录）', after: '6' },
      { key: 'priceWan', label: '价格', before: '（未记录）', after: '120 万元' },
    ]);
    const keys = view('ranking_method', { changed: ['name', 'normalisation'] });
    expect(keys.summary).toBe('修改的字段：名称、标准化方法');
    const roles = view('account', { roles: ['broker'], before: { roles: ['talent'] } });
    expect(roles.changes).toEqual([
      { key: 'roles', label: '角色', before: '人才', after: '技术经纪人' },
    ]);
    expect(roles.facts).toEqual([]);
  });

  it('reads a ranking stage, a correction and a rename as changes', () => {
    const stage = view('ranking_edition', {
      from: 'draft',
      status: 'correction',
      windowClosesOn: '2026-12-20',
      minCorrectionDays: 7,
    });
    expect(stage.changes[0]).toMatchObject({ before: '草稿（数据已冻结）', after: '纠错征询中' });
    expect(stage.summary).toContain('计划截止日期：2026-12-20');
    const applied = view('ranking_correction', {
      editionId: 9,
      field: 'revenue',
      applied: { from: 1000, to: 1200 },
    });
    expect(applied.changes).toEqual([
      { key: 'applied', label: '已更正：营业收入', before: '1000', after: '1200' },
    ]);
    const rename = view('ranking_edition', { from: 'draft', title: '新名', previousTitle: '旧名' });
    expect(rename.changes.map((c) => [c.label, c.before, c.after])).toContainEqual([
      '榜单名称',
      '旧名',
      '新名',
    ]);
  });

  it('lists any other shape as labelled facts, codes in words, never as JSON', () => {
    const v = view('deal', {
      user: 'hmac-sm3:0123abcd',
      reason: 'password',
      locked: true,
      filter: { city: '420100', status: 'registered' },
      route: '/api/v1/audit/events',
    });
    expect(v.changes).toEqual([]);
    expect(v.facts.map((f) => [f.label, f.value])).toEqual([
      ['用户名（脱敏）', '（个人信息已脱敏）'],
      ['原因', '密码错误'],
      ['已锁定', '是'],
      ['筛选条件', '城市：武汉；状态：已登记'],
      ['接口', '/api/v1/audit/events'],
    ]);
    expectWords(v.summary, ['hmac-sm3', '420100', 'true', 'registered']);
  });

  it('shows a key it does not know under its own name, and a detail that is not an object', () => {
    const unknown = view('org', { somethingNew: { a: 1 }, list: [{ x: 1 }, { x: 2 }] });
    expect(unknown.facts.map((f) => [f.label, f.value])).toEqual([
      ['somethingNew', 'a：1'],
      ['list', '2 项'],
    ]);
    expectWords(unknown.summary);
    const text = view('org', 'not json at all');
    expect(text.facts).toMatchObject([{ label: '数值', value: 'not json at all' }]);
    expect(view('org', '[1,2]').summary).toBe('数值：1、2');
  });

  it('names referenced objects by number with a link to their page', () => {
    const v = view('negotiation', { dealId: 5, entryId: 12, sellerOrgId: 32 });
    expect(v.facts).toEqual([
      {
        key: 'dealId',
        label: '技术合同',
        value: '编号 5',
        link: { path: '/app/deals', ability: 'deals.read' },
      },
      { key: 'entryId', label: '洽谈记录', value: '12', link: null },
      {
        key: 'sellerOrgId',
        label: '卖方',
        value: '编号 32',
        link: { path: '/app/orgs/32', ability: 'orgs.read' },
      },
    ]);
  });

  it('names referenced objects by the names the server found', () => {
    const v = describeDetail(
      {
        objectType: 'matching_introduction',
        detail: JSON.stringify({ achievementId: 674, demandId: 285, noteChars: 39 }),
        detailNames: { achievementId: '眼科人工晶体纯化平台' },
      },
      words(),
    );
    expect(detailSummary(v, 'zh-CN')).toBe(
      '科技成果：眼科人工晶体纯化平台；技术需求：编号 285；推荐说明字数：39',
    );
    expect(v.facts[0]!.link).toEqual({
      path: '/app/market/achievements/674',
      ability: 'market.read',
    });
  });

  it('speaks English to an English reader', () => {
    const v = view(
      'deal',
      { side: 'buyer', from: 'draft', to: 'refused', reason: '价格过高' },
      'en',
    );
    expect(v.summary).toBe(
      'Status: Awaiting both parties → Refused; Party: Buyer; Reason: 价格过高',
    );
  });
});

describe('audit action and object in words', () => {
  it('labels every catalogue action with its words, not its code', () => {
    for (const code of AUDIT_ACTION_CODES) {
      expect(actionText(code, words())).toBe(AUDIT_ACTIONS[code].zh);
      expect(actionText(code, words('en'))).toBe(AUDIT_ACTIONS[code].en);
    }
    expect(actionText('login', words())).toBe('其他操作（login）');
  });

  it('names the object, links it, and falls back to its number', () => {
    expect(describeObject(event({ objectName: '武汉光谷激光科技有限公司' }), words())).toEqual({
      type: '机构',
      name: '武汉光谷激光科技有限公司',
      link: { path: '/app/orgs/32', ability: 'orgs.read' },
    });
    expect(describeObject(event({ objectType: 'account', objectId: '7' }), words())).toMatchObject({
      type: '账号',
      name: '编号 7',
    });
    const year = event({
      objectType: 'indicator_year',
      objectId: '32:2025',
      objectName: '光谷某公司',
      detail: JSON.stringify({ orgId: 32, year: 2025 }),
    });
    expect(describeObject(year, words())).toMatchObject({
      type: '年度指标',
      name: '光谷某公司 · 2025',
      link: { path: '/app/orgs/32' },
    });
    const job = event({ objectType: 'job', objectId: 'market.close_expired_demands' });
    expect(describeObject(job, words())?.name).toBe('关闭已过截止日期的已发布技术需求');
    expect(describeObject(event({ objectType: null, objectId: null }), words())).toBeNull();
  });
});
