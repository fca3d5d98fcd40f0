/**
 * Self-registrations of the demo (issue 10 item 13), one in every state, through the service as
 * an applicant and Wuhan's city admin would make them: two waiting (a new organisation, and one
 * already in the directory without accounts), one approved (a directory enterprise; its manager
 * signs in as `demo.reg.approved` with the demo password and adds colleagues) and one rejected
 * with its reason. Only directory organisations are approved, so the demo keeps its count of
 * organisations. The e-mails to the applicants wait in the outbox (no mail server in the demo).
 */
import { creditBodyFromNumber, makeCreditCode, type RegistrationBody } from '@corridor/contracts';
import type { DemoSeeder } from '../../core/demo/seeder';
import { findOrgFactsByCreditCodes, findOrgFactsByIds } from '../orgs/orgs.service';
import { DEMO_PASSWORD } from './accounts.demo';
import {
  approveRegistration,
  rejectRegistration,
  submitRegistration,
} from './accounts.registration';
import * as repo from './accounts.repo';

type Outcome = 'pending' | 'approved' | 'rejected';

interface DemoApplication {
  username: string;
  displayName: string;
  /** null: a directory enterprise of Wuhan without accounts, under its own name. */
  orgName: string | null;
  industry: RegistrationBody['industry'];
  outcome: Outcome;
  reason?: string;
}

const APPLICATIONS: DemoApplication[] = [
  {
    username: 'demo.reg.pending',
    displayName: '黎明轩',
    orgName: '武汉光谷微纳感知科技有限公司',
    industry: 'optoelectronics',
    outcome: 'pending',
  },
  {
    username: 'demo.reg.directory',
    displayName: '郑思源',
    orgName: null,
    industry: null,
    outcome: 'pending',
  },
  {
    username: 'demo.reg.approved',
    displayName: '苏婉清',
    orgName: null,
    industry: null,
    outcome: 'approved',
  },
  {
    username: 'demo.reg.rejected',
    displayName: '雷振宇',
    orgName: '武汉东湖数智云服务有限公司',
    industry: 'digital',
    outcome: 'rejected',
    reason: '营业执照上的单位名称与填报名称不一致，请核对后重新申请',
  },
];

/** A credit code of Wuhan that the directory does not hold yet (deterministic). */
async function freshCode(demo: Parameters<DemoSeeder['seed']>[0], start: number) {
  for (let n = start; ; n += 7919) {
    const code = makeCreditCode('91', '420100', creditBodyFromNumber(n));
    if ((await findOrgFactsByCreditCodes(demo.system, [code])).length === 0) return code;
  }
}

export const registrationsDemoSeeder: DemoSeeder = {
  name: 'registrations',
  async seed(demo) {
    const admin = demo
      .accounts()
      .find((a) => a.roles[0] === 'city_admin' && a.regionCode === '420100');
    if (!admin) return;
    const db = demo.deps.db;
    const exists = async (username: string) =>
      (await repo.findAccountByUsername(db, username)) !== undefined ||
      (await db
        .selectFrom('registrations')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirst()) !== undefined;
    const decide = async (username: string, outcome: Outcome, reason?: string) => {
      const row = await db
        .selectFrom('registrations')
        .select(['id', 'version'])
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      const ctx = demo.as(admin);
      if (outcome === 'approved') await approveRegistration(ctx, row.id, row.version);
      if (outcome === 'rejected')
        await rejectRegistration(ctx, row.id, { version: row.version, reason: reason ?? '' });
    };
    const applicant = (
      a: DemoApplication,
      creditCode: string,
      orgName: string,
    ): RegistrationBody => ({
      creditCode,
      orgName,
      regionCode: '420100',
      industry: a.industry,
      address: '湖北省武汉市东湖新技术开发区光谷大道 77 号',
      username: a.username,
      displayName: a.displayName,
      email: `${a.username.replace(/\./g, '-')}@demo.corridor.local`,
      phone: '13871234567',
      password: DEMO_PASSWORD,
    });
    // Directory enterprises of Wuhan that no seeder gave an account.
    const openOrgs = async function* () {
      for (const ref of demo.orgRefs()) {
        if (ref.type !== 'enterprise' || ref.regionCode !== '420100') continue;
        if ((await repo.countAccountsOfOrg(db, ref.id)) > 0) continue;
        if (
          await db
            .selectFrom('registrations')
            .select('id')
            .where('orgId', '=', ref.id)
            .executeTakeFirst()
        )
          continue;
        const [org] = await findOrgFactsByIds(demo.system, [ref.id]);
        if (org) yield org;
      }
    };

    let start = 880_000_001;
    for (const a of APPLICATIONS) {
      start += 104_729;
      if (await exists(a.username)) continue;
      if (a.orgName) {
        await submitRegistration(
          demo.system,
          applicant(a, await freshCode(demo, start), a.orgName),
        );
      } else {
        const { value: org } = await openOrgs().next();
        if (!org) continue;
        await submitRegistration(demo.system, applicant(a, org.creditCode, org.name));
      }
      if (a.outcome !== 'pending') await decide(a.username, a.outcome, a.reason);
    }
  },
};
