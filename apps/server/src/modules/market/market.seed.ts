/**
 * Deterministic demo achievements and demands for the seeded organisations (same seed → same
 * records). Pure: no database. Used by the first-start seed (a few thousand records) and by the
 * search bench (a million). Listing dates increase with the index, so the listing order the
 * bulk loader assigns is also date order.
 */
import {
  type AchievementStatus,
  type AchievementValues,
  type DemandStatus,
  type DemandValues,
  FIELD_CODES,
  type FieldCode,
  type IndustryCode,
  type MarketIpKind,
  stageOfTrl,
  type TransferMode,
} from '@corridor/contracts';
import { personName } from '../../core/demo/orgs';
import { createRandom, type Random } from '../../core/demo/random';
import {
  ARTIFACTS,
  DEMAND_OPENINGS,
  DEVELOPED,
  FIELD_WORDS,
  METHODS,
  METRICS,
  PROBLEMS,
  PROSPECTS,
  QUALIFIERS,
  REDUCED,
  SUFFIXES,
  VERBS,
} from './market.seed.words';

export const MARKET_SEED = 20_261_126;

export interface OwnerOrg {
  id: number;
  regionCode: string;
  type: string;
  industry: string | null;
}

export interface DemoAchievement extends AchievementValues {
  orgId: number;
  regionCode: string;
  status: AchievementStatus;
  showcase: boolean;
  /** ISO time; set for listed records (and curated ones: when they were reviewed). */
  at: string;
}

export interface DemoDemand extends DemandValues {
  orgId: number;
  regionCode: string;
  status: DemandStatus;
  openCall: boolean;
  at: string;
}

/** Picks with Zipf-like weights (1/(i+1)^s): first items common, last ones rare. */
function zipf<T>(items: readonly T[], s = 1.1): (rng: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    total += 1 / (i + 1) ** s;
    cumulative.push(total);
  }
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}

const FIELD_OF_INDUSTRY: Record<IndustryCode, readonly (readonly [FieldCode, number])[]> = {
  optoelectronics: [
    ['electronicInformation', 8],
    ['advancedManufacturing', 2],
  ],
  biomedicine: [['biomedicine', 1]],
  auto: [
    ['newEnergy', 5],
    ['advancedManufacturing', 4],
    ['electronicInformation', 1],
  ],
  equipment: [['advancedManufacturing', 1]],
  materials: [['newMaterials', 1]],
  digital: [
    ['highTechServices', 6],
    ['electronicInformation', 4],
  ],
  energy: [
    ['newEnergy', 6],
    ['resourcesEnvironment', 4],
  ],
  agritech: [
    ['biomedicine', 5],
    ['resourcesEnvironment', 5],
  ],
  logistics: [
    ['aerospace', 7],
    ['highTechServices', 3],
  ],
  health: [['biomedicine', 1]],
};
const ANY_FIELD = FIELD_CODES.map((f) => [f, 1] as const);

const PICK = Object.fromEntries(
  FIELD_CODES.map((f) => {
    const w = FIELD_WORDS[f];
    return [
      f,
      {
        object: zipf(w.objects, 1.2),
        process: zipf(w.processes),
        application: zipf(w.applications, 0.8),
        need: zipf(w.demandNeeds, 0.8),
      },
    ];
  }),
) as Record<
  FieldCode,
  Record<'object' | 'process' | 'application' | 'need', (r: Random) => string>
>;
const qualifier = zipf(QUALIFIERS, 1.0);
const method = zipf(METHODS, 1.0);

function fieldFor(rng: Random, org: OwnerOrg): FieldCode {
  const weights = org.industry ? FIELD_OF_INDUSTRY[org.industry as IndustryCode] : undefined;
  return rng.weighted(weights ?? ANY_FIELD);
}

function title(rng: Random, f: FieldCode, object: string, process: string): string {
  const suffix = rng.weighted(SUFFIXES);
  const form = rng.next();
  if (form < 0.32) return `${qualifier(rng)}${object}${process}${suffix}`;
  if (form < 0.62) return `基于${method(rng)}的${object}${process}${suffix}`;
  if (form < 0.85) return `${object}${process}${suffix}`;
  if (form < 0.95) return `一种${qualifier(rng)}${object}${process}方法`;
  return `${object}${PICK[f].process(rng)}与${process}一体化${suffix}`;
}

function percent(rng: Random, lo: number, hi: number): string {
  return (lo + rng.next() * (hi - lo)).toFixed(1);
}

function abstract(rng: Random, f: FieldCode, object: string, process: string, trl: number) {
  const p = PICK[f];
  const apps = [p.application(rng), p.application(rng)];
  if (apps[0] === apps[1]) apps.pop();
  const parts = [
    `针对${object}${process}过程中${rng.pick(PROBLEMS)}、${rng.pick(PROBLEMS)}等问题，`,
    `本成果${rng.pick(VERBS)}${method(rng)}与${method(rng)}技术，${rng.pick(DEVELOPED)}了${qualifier(rng)}${object}${process}${rng.pick(ARTIFACTS)}，`,
    `实现${rng.pick(METRICS)}提升${percent(rng, 5, 60)}%，${rng.pick(REDUCED)}降低${percent(rng, 10, 60)}%。`,
  ];
  const patents = rng.int(0, 12);
  if (patents > 0) {
    parts.push(`已申请发明专利${patents}项，授权${rng.int(0, patents)}项。`);
  }
  parts.push(
    `技术成熟度达到${trl}级，可广泛应用于${apps.join('、')}等领域，${rng.pick(PROSPECTS)}。`,
  );
  if (rng.chance(0.3)) {
    const other = p.process(rng);
    const strengths = other === process ? process : `${process}、${other}`;
    parts.push(
      `项目团队在${strengths}方面积累深厚，可提供${rng.pick(['技术许可', '联合开发', '技术咨询', '中试服务'])}。`,
    );
  }
  return parts.join('');
}

const MODES: readonly (readonly [TransferMode, number])[] = [
  ['license', 40],
  ['transfer', 35],
  ['joint', 30],
  ['equity', 15],
];

function modes(rng: Random): TransferMode[] {
  const out = new Set<TransferMode>([rng.weighted(MODES)]);
  while (rng.chance(0.35) && out.size < 4) out.add(rng.weighted(MODES));
  return [...out];
}

/** Realistic asking prices: mostly tens to hundreds of 万元, a fifth negotiable. */
function price(rng: Random, trl: number): number | null {
  if (rng.chance(0.2)) return null;
  const exponent = 0.3 + rng.next() * 2.7 + (trl >= 7 ? 0.4 : 0);
  return Math.round(10 ** exponent * 10) / 10;
}

const TRL_WEIGHTS = [1, 2, 4, 6, 8, 9, 8, 5, 3].map((w, i) => [i + 1, w] as const);

function ipItems(rng: Random, year: number): AchievementValues['ipItems'] {
  const n = rng.weighted([
    [0, 2],
    [1, 4],
    [2, 3],
    [3, 2],
    [4, 1],
  ] as const);
  const items: AchievementValues['ipItems'] = [];
  for (let i = 0; i < n; i++) {
    const y = year - rng.int(0, 4);
    const kind: MarketIpKind = rng.weighted([
      ['inventionPatent', 6],
      ['utilityModel', 3],
      ['softwareCopyright', 2],
      ['knowHow', 1],
    ] as const);
    const serial = String(rng.int(0, 9_999_999)).padStart(7, '0');
    const number =
      kind === 'inventionPatent' || kind === 'utilityModel'
        ? `ZL${y}${kind === 'inventionPatent' ? 1 : 2}${serial}.${rng.int(0, 9)}`
        : kind === 'softwareCopyright'
          ? `${y}SR${serial}`
          : '';
    items.push({ kind, number, title: '' });
  }
  return items;
}

/**
 * Records are drawn in blocks of BLOCK, each from its own seeded generator, so any block-aligned
 * slice [start, start + n) can be produced on its own (the bench generates in worker threads)
 * and is the same as in one sequential run.
 */
export const BLOCK = 1000;

function* blocks(seed: number, start: number, count: number) {
  if (start % BLOCK !== 0) throw new RangeError(`start must be a multiple of ${BLOCK}`);
  let rng = createRandom(seed);
  for (let i = start; i < start + count; i++) {
    if (i % BLOCK === 0 || i === start) rng = createRandom(seed + Math.floor(i / BLOCK) * 7919);
    yield { i, rng };
  }
}

const START = Date.UTC(2019, 0, 1);
const END = Date.UTC(2026, 10, 1);

function timeAt(i: number, count: number): Date {
  return new Date(START + Math.floor(((END - START) * i) / Math.max(count, 1)));
}

const DEMO_STATUS: readonly (readonly [AchievementStatus, number])[] = [
  ['published', 70],
  ['in_negotiation', 5],
  ['transacted', 3],
  ['curated', 4],
  ['submitted', 6],
  ['draft', 10],
  ['withdrawn', 2],
];

/**
 * `count` achievements owned by `owners` (enterprises, universities, institutes).
 * mix 'demo' spreads them over the workflow; 'listed' makes them all published (the bench).
 */
export function* generateAchievements(options: {
  /** Size of the whole collection (listing dates spread over it). */
  count: number;
  owners: readonly OwnerOrg[];
  mix?: 'demo' | 'listed';
  seed?: number;
  /** A block-aligned slice of the collection: [start, start + length). */
  start?: number;
  length?: number;
}): Generator<DemoAchievement> {
  const { count, owners } = options;
  if (owners.length === 0) throw new RangeError('no owner organisations');
  const start = options.start ?? 0;
  const length = Math.min(options.length ?? count, count - start);
  for (const { i, rng } of blocks(options.seed ?? MARKET_SEED, start, length)) {
    const org = rng.pick(owners);
    const f = fieldFor(rng, org);
    const object = PICK[f].object(rng);
    const process = PICK[f].process(rng);
    const trl = rng.weighted(TRL_WEIGHTS);
    const at = timeAt(i, count);
    const status = options.mix === 'listed' ? 'published' : rng.weighted(DEMO_STATUS);
    const keywords = [...new Set([object, process, PICK[f].application(rng)])].filter(
      (k) => k.length <= 20,
    );
    yield {
      orgId: org.id,
      regionCode: org.regionCode,
      title: title(rng, f, object, process),
      abstract: abstract(rng, f, object, process, trl),
      keywords,
      field: f,
      industry: (org.industry as IndustryCode | null) ?? null,
      trl,
      stage: rng.chance(0.9) ? stageOfTrl(trl) : rng.pick(['early', 'middle', 'mature'] as const),
      ipItems: ipItems(rng, at.getUTCFullYear()),
      inventors: Array.from({ length: rng.int(1, 4) }, () => personName(rng)),
      transferModes: modes(rng),
      priceWan: price(rng, trl),
      // Only uploaded files are attachments (modules/files); the demo data has none.
      attachments: [],
      status,
      showcase: status === 'published' && rng.chance(0.04),
      at: at.toISOString(),
    };
  }
}

const DEMAND_STATUS: readonly (readonly [DemandStatus, number])[] = [
  ['published', 65],
  ['draft', 15],
  ['closed', 12],
  ['withdrawn', 8],
];

/** `count` technology demands of `owners` (mostly enterprises). */
export function* generateDemands(options: {
  count: number;
  owners: readonly OwnerOrg[];
  seed?: number;
}): Generator<DemoDemand> {
  const { count, owners } = options;
  if (owners.length === 0) throw new RangeError('no owner organisations');
  for (const { i, rng } of blocks((options.seed ?? MARKET_SEED) ^ 0xd3d3, 0, count)) {
    const org = rng.pick(owners);
    const f = fieldFor(rng, org);
    const p = PICK[f];
    const object = p.object(rng);
    const process = p.process(rng);
    const need = p.need(rng);
    const at = timeAt(i, count);
    const status = rng.weighted(DEMAND_STATUS);
    // Open demands run past the end of the demo period; the others ended after their listing.
    const from = status === 'published' || status === 'draft' ? END : at.getTime();
    const deadline = new Date(from + rng.int(30, 365) * 86_400_000);
    yield {
      orgId: org.id,
      regionCode: org.regionCode,
      title: rng.chance(0.5) ? `${object}${process}技术需求` : `寻求${object}${need}解决方案`,
      description:
        `${rng.pick(DEMAND_OPENINGS)}${object}${process}方面的${rng.pick(PROBLEMS)}问题，` +
        `希望通过${rng.pick(['技术合作', '成果转让', '联合攻关', '委托开发'])}实现${need}，` +
        `要求技术成熟度不低于${rng.int(4, 8)}级，应用于${p.application(rng)}场景。`,
      field: f,
      industry: (org.industry as IndustryCode | null) ?? null,
      budgetWan: rng.chance(0.25) ? null : rng.int(2, 100) * 5,
      deadline: deadline.toISOString().slice(0, 10),
      status,
      openCall: status === 'published' && rng.chance(0.25),
      at: at.toISOString(),
    };
  }
}
