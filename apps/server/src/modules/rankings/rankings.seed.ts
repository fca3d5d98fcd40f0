/**
 * Demo rankings for the seed: a published method, the 2024 and 2025 corridor-wide editions
 * (2025 shows movement against 2024), and a Wuhan edition with its correction window open so
 * the demo enterprise can file a correction. Built from the seeded indicators, through the
 * same services as the API, acting as the demo publisher.
 */
import type { Role, ScopeCode } from '@corridor/contracts';
import type { Ctx, Deps } from '../../core/context';
import { AppError } from '../../core/errors';
import { createMethod, publishMethod } from './rankings.methods.service';
import { publishEdition } from './rankings.publish';
import { closeWindow, createEdition, openWindow, todayInChina } from './rankings.service';

export interface DemoPublisher {
  id: number;
  username: string;
  displayName: string;
  regionCode: ScopeCode;
}

export const DEMO_METHOD_CODE = 'gvc-high-growth';

function publisherCtx(deps: Deps, p: DemoPublisher): Ctx {
  return {
    deps,
    actor: {
      ...p,
      roles: ['ranking_publisher' as Role],
      orgId: null,
      sessionHash: 'seed',
      csrfToken: 'seed',
    },
    ip: null,
    locale: 'zh-CN',
    requestId: 'seed',
  };
}

/** Returns how many editions were made (0 when the seeded indicators give nothing to rank). */
export async function seedDemoRankings(deps: Deps, publisher: DemoPublisher): Promise<number> {
  const ctx = publisherCtx(deps, publisher);
  const method = await createMethod(ctx, {
    code: DEMO_METHOD_CODE,
    name: '光谷科创大走廊高成长企业评价方法',
    description:
      '成长性（营业收入增长率）、创新投入（研发费用占营业收入）、创新产出（有效知识产权）、人才结构（科技人员占比）与财务稳健（资产负债率，越低越好）加权，百分位标准化。',
    normalisation: 'percentile',
    indicators: [
      { key: 'revenueGrowth', direction: 'higher', weight: 0.3 },
      { key: 'rdToRevenue', direction: 'higher', weight: 0.25 },
      { key: 'ipTotal', direction: 'higher', weight: 0.2 },
      { key: 'scienceStaffShare', direction: 'higher', weight: 0.1 },
      { key: 'debtRatio', direction: 'lower', weight: 0.15 },
    ],
  });
  await publishMethod(ctx, method.id, method.revision);
  const today = todayInChina();
  const inAMonth = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  let made = 0;
  const edition = async (year: number, title: string, city: '420100' | null, publish: boolean) => {
    try {
      const draft = await createEdition(ctx, {
        methodId: method.id,
        title,
        year,
        city,
        industry: null,
      });
      made += 1;
      const open = await openWindow(ctx, draft.id, {
        closesOn: publish ? today : inAMonth,
        version: draft.version,
      });
      if (!publish) return;
      const closed = await closeWindow(ctx, draft.id, open.version);
      await publishEdition(ctx, draft.id, closed.version);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'ranking.no_inputs')) throw error;
    }
  };
  await edition(2024, '2024 光谷科创大走廊高成长企业榜', null, true);
  await edition(2025, '2025 光谷科创大走廊高成长企业榜', null, true);
  await edition(2025, '2025 武汉高成长企业榜（纠错征询中）', '420100', false);
  return made;
}
