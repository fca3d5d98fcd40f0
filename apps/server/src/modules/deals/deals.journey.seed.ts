/**
 * The demo's contract-signing journey (issue 10 item 1): contracts between the demo enterprise
 * (Wuhan) and an Ezhou enterprise with its own demo account, one in each state — waiting for
 * Ezhou's confirmation, waiting for the demo enterprise's, signed by both and waiting for Wuhan's
 * registration, and refused with its reason. Made through the API's services acting as those
 * accounts (so they read and audit like users' work), when the Ezhou account is first created.
 */
import type { DealInput } from '@corridor/contracts';
import type { DemoContext, SeededAccount } from '../../core/demo/seeder';
import { findOrgFactsByIds } from '../orgs/orgs.service';
import { createDeal } from './deals.service';
import { confirmDeal, refuseDeal } from './deals.signing';

function contract(
  projectName: string,
  seller: string,
  buyer: string,
  over: Partial<DealInput>,
): DealInput {
  return {
    type: 'development',
    projectName,
    sellerCreditCode: seller,
    buyerCreditCode: buyer,
    achievementId: null,
    totalAmountWan: 120,
    techAmountWan: 100,
    signedOn: '2026-11-18',
    validFrom: '2026-12-01',
    validTo: '2027-11-30',
    field: 'electronicInformation',
    expectedNewInvestmentWan: null,
    expectedNewOutputWan: null,
    ...over,
  };
}

export async function seedDealSigningJourney(demo: DemoContext): Promise<number> {
  const enterprise = demo.account('enterprise');
  const ezhouOrg = demo.orgRefs().find((o) => o.type === 'enterprise' && o.regionCode === '420700');
  if (!enterprise?.orgId || !ezhouOrg) return 0;
  const partner: SeededAccount = await demo.ensureAccount({
    username: 'ezhou.enterprise',
    displayName: '秦子衿',
    roles: ['enterprise'],
    regionCode: '420700',
    orgId: ezhouOrg.id,
  });
  if (!partner.fresh) return 0;
  const wuhan = demo.as(enterprise);
  const ezhou = demo.as(partner);
  const [seller, buyer] = await findOrgFactsByIds(demo.system, [enterprise.orgId, ezhouOrg.id]);
  const sellerCode = seller!.id === enterprise.orgId ? seller!.creditCode : buyer!.creditCode;
  const buyerCode = seller!.id === enterprise.orgId ? buyer!.creditCode : seller!.creditCode;
  const deal = (name: string, over: Partial<DealInput> = {}) =>
    contract(name, sellerCode, buyerCode, over);

  // 1. The Wuhan seller entered and confirmed it: Ezhou is asked to confirm.
  const a = await createDeal(wuhan, deal('鄂州产线机器视觉检测算法委托开发'));
  await confirmDeal(wuhan, a.id, a.version);
  // 2. Ezhou entered and confirmed it: the demo enterprise is asked.
  const b = await createDeal(
    ezhou,
    deal('光模块封装工艺技术服务', { type: 'service', totalAmountWan: 36, techAmountWan: 32 }),
  );
  await confirmDeal(ezhou, b.id, b.version);
  // 3. Both confirmed: signed, waiting for the Wuhan city admin's registration.
  const c = await createDeal(
    wuhan,
    deal('激光熔覆再制造技术许可', {
      type: 'licence',
      totalAmountWan: 260,
      techAmountWan: 240,
      field: 'advancedManufacturing',
      signedOn: '2026-11-06',
    }),
  );
  const c1 = await confirmDeal(wuhan, c.id, c.version);
  await confirmDeal(ezhou, c.id, c1.version);
  // 4. Ezhou refused: the amount differs from what was negotiated.
  const d = await createDeal(
    wuhan,
    deal('智能仓储调度系统技术咨询', { type: 'consulting', totalAmountWan: 48, techAmountWan: 48 }),
  );
  await refuseDeal(
    ezhou,
    d.id,
    d.version,
    '合同金额与洽谈结果不一致（双方约定 40 万元），请修改后重新发起',
  );
  return 4;
}
