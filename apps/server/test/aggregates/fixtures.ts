/**
 * For every source of the cockpit's aggregate store: activity through the API that moves its
 * rows every way the application can (create, change, remove). `aggregates.test.ts` runs each,
 * then proves the increments equal a rebuild from the records; a new source fails that test
 * until it has a fixture here.
 */
import { as, dealStep, makeOrg, makeUser, orgInput, signByBoth, type TestApp } from '../helpers';

export type SourceActivity = (t: TestApp) => Promise<void>;

async function ok(res: { statusCode: number; body: string }, status = 200) {
  if (res.statusCode !== status)
    throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
}

export const SOURCE_ACTIVITY: Record<string, SourceActivity> = {
  async orgs(t) {
    const province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
    await ok(
      await as(t, province, {
        method: 'POST',
        url: '/api/v1/orgs',
        payload: orgInput({ regionCode: '420700', type: 'service_platform', industry: 'health' }),
      }),
      201,
    );
    // Moved to another city, type and industry: one count down, another up.
    const moved = await makeOrg(t, { regionCode: '421100', type: 'university' });
    await ok(
      await as(t, province, {
        method: 'PATCH',
        url: `/api/v1/orgs/${moved.id}`,
        payload: { regionCode: '420200', type: 'institute', industry: 'energy', version: 1 },
      }),
    );
    // A change of something the cockpit does not count leaves the counts alone.
    const described = await makeOrg(t, { regionCode: '421200' });
    await ok(
      await as(t, province, {
        method: 'PATCH',
        url: `/api/v1/orgs/${described.id}`,
        payload: { description: '聚合测试：只改简介', version: 1 },
      }),
    );
  },

  async contract(t) {
    // Registered contracts count; a signed or draft one does not (yet).
    const seller = await makeOrg(t, { regionCode: '420100' });
    const buyer = await makeOrg(t, { regionCode: '421200' });
    const user = await makeUser(t, ['enterprise'], { orgId: seller.id });
    const buyerUser = await makeUser(t, ['enterprise'], { orgId: buyer.id });
    const admin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
    const draft = (amount: number) =>
      as(t, user, {
        method: 'POST',
        url: '/api/v1/deals',
        payload: {
          type: 'development',
          projectName: '聚合测试技术开发合同',
          sellerCreditCode: seller.creditCode,
          buyerCreditCode: buyer.creditCode,
          totalAmountWan: amount,
          techAmountWan: amount,
          signedOn: '2026-04-15',
          validFrom: '2026-04-15',
          validTo: '2027-04-14',
          field: 'electronicInformation',
        },
      });
    const ids: number[] = [];
    for (const amount of [88.8, 12.34, 40]) {
      const res = await draft(amount);
      await ok(res, 201);
      ids.push(res.json().id);
    }
    for (const id of ids.slice(0, 2)) await ok(await signByBoth(t, id, user, buyerUser));
    await ok(await dealStep(t, admin, ids[0]!, 'register'));
  },
};
