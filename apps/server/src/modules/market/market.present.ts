import {
  type Achievement,
  type Demand,
  type OpenCall,
  priceBand,
  type ShowcaseItem,
} from '@corridor/contracts';
import type { Actor } from '../../core/context';
import {
  canEdit,
  canFeature,
  canPublish,
  canReview,
  canSubmit,
  canWithdraw,
  isListed,
} from './market.policy';
import type { AchievementRow, DemandRow } from './market.repo';

/** Rows → API objects. Explicit field lists: nothing is passed through by accident. */

function json<T>(text: string): T {
  return JSON.parse(text) as T;
}

const num = (v: number | null) => (v === null ? null : Number(v));

export function presentAchievement(actor: Actor, row: AchievementRow): Achievement {
  const ref = { orgId: row.orgId, regionCode: row.regionCode, status: row.status };
  const status = row.status as Achievement['status'];
  return {
    id: row.id,
    org: { id: row.orgId, name: row.orgName },
    regionCode: row.regionCode as Achievement['regionCode'],
    title: row.title,
    abstract: row.abstract,
    keywords: json(row.keywords),
    field: row.field as Achievement['field'],
    industry: row.industry as Achievement['industry'],
    trl: row.trl,
    stage: row.stage as Achievement['stage'],
    ipItems: json(row.ipItems),
    inventors: json(row.inventors),
    transferModes: json(row.transferModes),
    priceWan: num(row.priceWan),
    priceBand: priceBand(num(row.priceWan)),
    attachments: json<Achievement['attachments']>(row.attachments).map((a) => ({
      fileId: a.fileId ?? null,
      name: a.name,
      sizeBytes: a.sizeBytes,
      mimeType: a.mimeType,
    })),
    status,
    showcase: row.showcase === 1,
    reviewNote: row.reviewNote,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    curatedAt: row.curatedAt,
    publishedAt: row.publishedAt,
    abilities: {
      update: status === 'draft' && canEdit(actor, ref),
      submit: status === 'draft' && canSubmit(actor, ref),
      review: status === 'submitted' && canReview(actor, ref),
      publish: status === 'curated' && canPublish(actor, ref),
      withdraw: status !== 'transacted' && status !== 'withdrawn' && canWithdraw(actor, ref),
      feature: isListed(status) && canFeature(actor, ref),
    },
  };
}

export function presentDemand(actor: Actor, row: DemandRow): Demand {
  const ref = { orgId: row.orgId, regionCode: row.regionCode, status: row.status };
  const status = row.status as Demand['status'];
  const own = canEdit(actor, ref);
  return {
    id: row.id,
    org: { id: row.orgId, name: row.orgName },
    regionCode: row.regionCode as Demand['regionCode'],
    title: row.title,
    description: row.description,
    field: row.field as Demand['field'],
    industry: row.industry as Demand['industry'],
    budgetWan: num(row.budgetWan),
    priceBand: priceBand(num(row.budgetWan)),
    deadline: row.deadline,
    status,
    openCall: row.openCall === 1,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    abilities: {
      update: status === 'draft' && own,
      publish: status === 'draft' && own,
      close: status === 'published' && (own || canWithdraw(actor, ref)),
    },
  };
}

/** The public view: no inventors, no attachments, no review notes. */
export function presentShowcase(row: AchievementRow): ShowcaseItem {
  return {
    id: row.id,
    orgName: row.orgName,
    regionCode: row.regionCode as ShowcaseItem['regionCode'],
    title: row.title,
    abstract: row.abstract,
    keywords: json(row.keywords),
    field: row.field as ShowcaseItem['field'],
    trl: row.trl,
    stage: row.stage as ShowcaseItem['stage'],
    transferModes: json(row.transferModes),
    priceWan: num(row.priceWan),
    publishedAt: row.publishedAt,
  };
}

export function presentOpenCall(row: DemandRow): OpenCall {
  return {
    id: row.id,
    orgName: row.orgName,
    regionCode: row.regionCode as OpenCall['regionCode'],
    title: row.title,
    description: row.description,
    field: row.field as OpenCall['field'],
    budgetWan: num(row.budgetWan),
    deadline: row.deadline,
    publishedAt: row.publishedAt,
  };
}
