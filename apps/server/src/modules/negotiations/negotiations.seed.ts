/**
 * Demo negotiations, so a fresh `npm start` shows the flow: the demo enterprise has asked about
 * two listed achievements of other organisations (one with its offer on the table), and the
 * demo broker has brought the enterprise together with a third seller. Made through the same
 * services as the API, acting as those demo accounts, when the enterprise account is created.
 */
import { type Deps, seedCtxAs } from '../../core/context';
import { listAchievementsForSeed } from '../market/market.service';
import { findOrgFactsByIds } from '../orgs/orgs.service';
import { openNegotiation } from './negotiations.service';
import { postEntry } from './negotiations.steps';

export type DemoActor = Parameters<typeof seedCtxAs>[1];

export async function seedDemoNegotiations(
  deps: Deps,
  enterprise: DemoActor,
  broker: DemoActor | null,
): Promise<number> {
  if (enterprise.orgId === null) return 0;
  const buyerCtx = seedCtxAs(deps, enterprise);
  const listed = (await listAchievementsForSeed(buyerCtx, 20)).filter(
    (a) => a.status === 'published' && a.org.id !== enterprise.orgId,
  );
  const [first, second, third] = listed;
  let made = 0;
  if (first) {
    const n = await openNegotiation(buyerCtx, {
      achievementId: first.id,
      text: '我司有意引进该成果用于产线升级，请问是否支持普通许可？需要哪些实施条件？',
    });
    await postEntry(buyerCtx, n.id, {
      text: '先按普通许可报价，技术交易额含技术资料和两次现场指导。',
      offer: { type: 'licence', totalAmountWan: 80, techAmountWan: 72 },
    });
    made++;
  }
  if (second) {
    await openNegotiation(buyerCtx, {
      achievementId: second.id,
      text: '想了解该成果的中试数据和专利权属情况，方便安排线下交流吗？',
    });
    made++;
  }
  if (third && broker) {
    const [buyer] = await findOrgFactsByIds(buyerCtx, [enterprise.orgId]);
    if (buyer) {
      await openNegotiation(seedCtxAs(deps, broker), {
        achievementId: third.id,
        buyerCreditCode: buyer.creditCode,
        text: '双方在应用场景上高度契合，建议先就合作开发方式沟通。',
      });
      made++;
    }
  }
  return made;
}
