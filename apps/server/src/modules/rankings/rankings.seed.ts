/**
 * Demo rankings for the seed: a published method, the 2024 and 2025 corridor-wide editions
 * (2025 shows movement against 2024), and a Wuhan edition with its correction window open so
 * the demo enterprise can file a correction. Built from the seeded indicators, through the
 * same services as the API, acting as the demo publisher — at backdated moments, so that each
 * edition has lived a real life: drafted in the spring after its fiscal year, a 公示期 of two
 * weeks (never shorter than the installation's minimum), signed a few days after it closed.
 */
import { chinaDate, type Role, type ScopeCode } from '@corridor/contracts';
import type { Ctx, Deps } from '../../core/context';
import { AppError } from '../../core/errors';
import { createMethod, publishMethod } from './rankings.methods.service';
import { publishEdition } from './rankings.publish';
import { closeWindow, createEdition, openWindow } from './rankings.service';
import { minCorrectionDays } from './rankings.window';

export interface DemoPublisher {
  id: number;
  username: string;
  displayName: string;
  regionCode: ScopeCode;
}

export const DEMO_METHOD_CODE = 'gvc-high-growth';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The moments of one edition's life, from the opening of its window. */
function lifeFrom(opened: number, windowDays: number) {
  return {
    created: new Date(opened - 2 * HOUR),
    opened: new Date(opened),
    closesOn: chinaDate(opened + windowDays * DAY),
    // Closed on the afternoon of the planned day, published five days later.
    closed: new Date(opened + windowDays * DAY + 7 * HOUR),
    published: new Date(opened + (windowDays + 5) * DAY),
  };
}

/**
 * A published edition of fiscal year `year`: window opened 10:00 China time on 1 April of the
 * next year, or moved back so that it is published by yesterday at the latest.
 */
function publishedLife(year: number, windowDays: number, now: number) {
  const april = Date.parse(`${year + 1}-04-01T10:00:00+08:00`);
  const latest = now - DAY - (windowDays + 5) * DAY;
  return lifeFrom(Math.min(april, latest), windowDays);
}

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
  const now = Date.now();
  const windowDays = Math.max(14, minCorrectionDays(ctx));
  const lives = {
    2024: publishedLife(2024, windowDays, now),
    2025: publishedLife(2025, windowDays, now),
    // The open one: its window opened three days ago and runs its two weeks.
    open: lifeFrom(now - 3 * DAY, windowDays),
  };
  const methodAt = new Date(lives[2024].created.getTime() - 30 * DAY);
  const method = await createMethod(
    ctx,
    {
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
    },
    methodAt,
  );
  await publishMethod(ctx, method.id, method.revision, new Date(methodAt.getTime() + 2 * DAY));
  let made = 0;
  const edition = async (
    year: number,
    title: string,
    city: '420100' | null,
    life: ReturnType<typeof lifeFrom>,
    publish: boolean,
  ) => {
    try {
      const draft = await createEdition(
        ctx,
        { methodId: method.id, title, year, city, industry: null },
        life.created,
      );
      made += 1;
      const open = await openWindow(
        ctx,
        draft.id,
        { closesOn: life.closesOn, version: draft.version },
        life.opened,
      );
      if (!publish) return;
      const closed = await closeWindow(ctx, draft.id, open.version, life.closed);
      await publishEdition(ctx, draft.id, closed.version, life.published);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'ranking.no_inputs')) throw error;
    }
  };
  await edition(2024, '2024 光谷科创大走廊高成长企业榜', null, lives[2024], true);
  await edition(2025, '2025 光谷科创大走廊高成长企业榜', null, lives[2025], true);
  await edition(2025, '2025 武汉高成长企业榜（纠错征询中）', '420100', lives.open, false);
  return made;
}
