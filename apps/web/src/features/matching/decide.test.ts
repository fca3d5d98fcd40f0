import { ROLE_ABILITIES, ROLES, type Role } from '@corridor/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import { isRefusal, type MatchRecord, type MatchViewer, matchPanels } from './decide';

const viewer = (role: Role, extra: Partial<MatchViewer> = {}): MatchViewer => ({
  roles: [role],
  orgId: null,
  regionCode: '420100',
  abilities: ROLE_ABILITIES[role],
  ...extra,
});
const achievement = (over: Partial<MatchRecord> = {}): MatchRecord =>
  ({
    kind: 'achievement',
    status: 'published',
    org: { id: 7 },
    regionCode: '420100',
    ...over,
  }) as MatchRecord;

describe('matchPanels (the achievement and demand pages decide before fetching)', () => {
  it('talents and ranking publishers get no match card: nothing is fetched for them', () => {
    for (const role of ['talent', 'ranking_publisher', 'auditor', 'security_admin'] as Role[]) {
      const demand: MatchRecord = { ...achievement(), kind: 'demand', status: 'published' };
      for (const record of [achievement(), demand])
        expect(matchPanels(viewer(role), record), role).toEqual({
          matches: false,
          introduce: false,
          feedback: false,
        });
    }
  });

  it('the roles that hold matching.read see the card; only brokers introduce', () => {
    const readers = ROLES.filter((r) => matchPanels(viewer(r), achievement()).matches);
    expect(readers.sort()).toEqual(
      ['broker', 'city_admin', 'enterprise', 'investor', 'province_admin', 'university'].sort(),
    );
    expect(ROLES.filter((r) => matchPanels(viewer(r), achievement()).introduce)).toEqual([
      'broker',
    ]);
  });

  it('feedback only for the achievement’s own users and its officials', () => {
    const owner = viewer('university', { orgId: 7 });
    const other = viewer('enterprise', { orgId: 8 });
    const ownCity = viewer('city_admin');
    const otherCity = viewer('city_admin', { regionCode: '420700' });
    const province = viewer('province_admin', { regionCode: '420000' });
    const feedback = (v: MatchViewer, r = achievement()) => matchPanels(v, r).feedback;
    expect([owner, other, ownCity, otherCity, province].map((v) => feedback(v))).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
    // A demand's page has no feedback counts.
    expect(feedback(owner, { ...achievement(), kind: 'demand', status: 'published' })).toBe(false);
  });

  it('only listed records are matched; a visitor gets nothing', () => {
    const broker = viewer('broker');
    expect(matchPanels(broker, achievement({ status: 'in_negotiation' })).matches).toBe(true);
    expect(matchPanels(broker, achievement({ status: 'draft' })).matches).toBe(false);
    const closed: MatchRecord = { ...achievement(), kind: 'demand', status: 'closed' };
    expect(matchPanels(broker, closed).matches).toBe(false);
    expect(matchPanels(null, achievement()).matches).toBe(false);
  });
});

describe('isRefusal', () => {
  it('a 403 is a refusal shown politely; other errors are errors', () => {
    expect(isRefusal(new ApiError(403, 'permission.denied', '没有权限执行此操作'))).toBe(true);
    expect(isRefusal(new ApiError(404, 'market.not_found', '…'))).toBe(false);
    expect(isRefusal(new ApiError(0, 'network', '…'))).toBe(false);
    expect(isRefusal(new Error('x'))).toBe(false);
  });
});
