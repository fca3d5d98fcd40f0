/**
 * Deterministic demo indicators: three fiscal years per enterprise and the certificates a firm
 * of that profile plausibly holds. Pure: the same organisation (by credit code) and seed always
 * give the same figures, whatever else is generated, so a larger seed run extends a smaller one.
 */
import type { CertificateInput, HighTechField, IndicatorValues } from '@corridor/contracts';
import { createRandom, type Random } from '../../core/demo/random';

/** The last three complete fiscal years as of the demo data's writing (fixed: deterministic). */
export const SEED_YEARS = [2023, 2024, 2025] as const;
export const DEFAULT_INDICATOR_SEED = 20_260_301;

export interface SeedOrg {
  creditCode: string;
  regionCode: string;
  industry: string | null;
  foundedOn: string | null;
}
export type SeedYear = IndicatorValues & { year: number };
export interface SeedPlan {
  years: SeedYear[];
  certificates: CertificateInput[];
}

/** Wuhan (光谷) firms are larger and more R&D-intensive than those of the four other cities. */
const CITY_FACTOR: Record<string, number> = {
  '420100': 1,
  '420700': 0.8,
  '420200': 0.75,
  '421100': 0.65,
  '421200': 0.65,
};
const TECH_INDUSTRIES = new Set(['optoelectronics', 'biomedicine', 'digital', 'equipment', 'auto']);
const FIELD_OF: Record<string, HighTechField> = {
  optoelectronics: 'electronicInformation',
  digital: 'electronicInformation',
  biomedicine: 'biomedicine',
  health: 'biomedicine',
  auto: 'advancedManufacturing',
  equipment: 'advancedManufacturing',
  materials: 'newMaterials',
  energy: 'newEnergy',
  agritech: 'resourcesEnvironment',
  logistics: 'highTechServices',
};
/** Size classes: first-year revenue range in 万元 and relative frequency. */
const SIZES: readonly (readonly [[number, number], number])[] = [
  [[80, 1500], 40],
  [[1500, 8000], 34],
  [[8000, 40000], 18],
  [[40000, 200000], 7],
  [[200000, 800000], 1],
];

/** FNV-1a of the credit code: each organisation its own random stream. */
function hashCode(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const between = (rng: Random, lo: number, hi: number) => lo + rng.next() * (hi - lo);
const round1 = (n: number) => Math.round(n * 10) / 10;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const dateIn = (rng: Random, year: number) =>
  `${year}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;

export function generateIndicators(org: SeedOrg, seed = DEFAULT_INDICATOR_SEED): SeedPlan {
  const rng = createRandom((hashCode(org.creditCode) ^ seed) >>> 0);
  const founded = org.foundedOn ? Number(org.foundedOn.slice(0, 4)) : 2010;
  const years = SEED_YEARS.filter((y) => y >= founded);
  const city = CITY_FACTOR[org.regionCode] ?? 0.7;
  const tech = org.industry !== null && TECH_INDUSTRIES.has(org.industry) ? 1 : 0.55;
  const [lo, hi] = rng.weighted(SIZES);
  const young = founded >= 2016;
  const fast = rng.chance(young ? 0.22 : 0.08);
  let revenue = between(rng, lo, hi) * (0.7 + 0.3 * city);
  if (SEED_YEARS[0] - founded < 2) revenue = Math.min(revenue, between(rng, 50, 3000));
  const perHead = between(rng, 35, 160);
  // One "innovation quality" draw drives R&D, staff, IP and expert scores together, as in life.
  const q = Math.min(1, rng.next() ** 0.6 * tech * (0.75 + 0.3 * city));
  const scienceShare = Math.min(0.9, 0.03 + q * between(rng, 0.1, 0.5));
  const rdRatio = Math.min(0.25, q * between(rng, 0.02, 0.12));
  const mainShare = between(rng, 0.55, 1);
  const highTechShare = Math.min(1, 0.15 + q * between(rng, 0.45, 1));
  const assetTurn = between(rng, 0.6, 2.2);
  const debt = between(rng, 0.2, 0.85);
  const field = org.industry && rng.chance(0.75 * tech) ? FIELD_OF[org.industry] : undefined;
  const ipI = Math.floor(q * between(rng, 0, 14));
  const ipII = Math.floor(between(rng, 0, 22));
  const softwareShare = org.industry === 'digital' ? 0.7 : 0.2;
  const institution = rng.weighted([
    [null, 55],
    ['enterprise', 28],
    ['municipal', 8],
    ['provincial', 7],
    ['national', 2],
  ] as const);
  const leadStandard = rng.chance(0.06 * tech) ? rng.pick(['national', 'industry'] as const) : null;
  const award = rng.chance(0.04 * city) ? rng.pick(['provincial', 'national'] as const) : null;
  const strategic = rng.chance(0.45 * tech);
  const judged = (min: number, max: number) =>
    Math.min(max, min + Math.round((max - min) * q * between(rng, 0.8, 1.3)));
  const assessments = {
    'highTech.ipAdvancement': judged(3, 8),
    'highTech.ipCoreSupport': judged(3, 8),
    'highTech.rdSystem': judged(2, 6),
    'highTech.rdPlatform': judged(1, 6),
    'highTech.transferSystem': judged(1, 4),
    'highTech.talent': judged(1, 4),
    'specialisedSme.evaluation': judged(35, 92),
  };

  const out: SeedYear[] = [];
  let ipIHeld = Math.max(0, ipI - 2);
  let ipIIHeld = Math.max(0, ipII - 4);
  for (const year of years) {
    const growth = fast ? between(rng, 0.2, 0.75) : between(rng, -0.12, 0.3);
    if (out.length > 0) revenue *= 1 + growth;
    ipIHeld += rng.int(0, 1);
    ipIIHeld += rng.int(0, 2);
    const rev = round1(revenue);
    const staff = Math.max(5, Math.round(revenue / perHead));
    const scienceStaff = Math.min(staff, Math.round(staff * scienceShare));
    const rdSpend = round1(rev * Math.max(0, rdRatio + between(rng, -0.005, 0.008)));
    const totalAssets = round1(rev * assetTurn);
    const equityRound = rng.chance(young ? 0.18 : 0.05)
      ? [
          {
            year,
            amount: round1(between(rng, 300, 30000) * city),
            qualifiedInvestor: rng.chance(0.7),
          },
        ]
      : null;
    const classII = ipIIHeld;
    out.push({
      year,
      revenue: rev,
      mainRevenue: round1(rev * mainShare),
      highTechIncome: round1(rev * highTechShare),
      rdSpend,
      rdSpendDomestic: round1(rdSpend * between(rng, 0.85, 1)),
      totalCosts: round1(rev * between(rng, 0.72, 1.02)),
      totalAssets,
      liabilities: round1(totalAssets * debt),
      staff,
      scienceStaff,
      rdStaff: Math.round(scienceStaff * between(rng, 0.5, 1)),
      conversions: Math.round(q * between(rng, 2, 9)),
      ip: {
        inventionPatent: ipIHeld,
        softwareCopyright: Math.round(classII * softwareShare),
        utilityModel: classII - Math.round(classII * softwareShare),
      },
      ipClassIOwnDeveloped: Math.round(ipIHeld * 0.8),
      ipClassIHighValue: Math.floor(ipIHeld * 0.3),
      ipClassIInUse: Math.floor(ipIHeld * 0.6),
      ipObtainedBy: ipIHeld + classII > 0 ? (rng.chance(0.85) ? 'own' : 'acquired') : null,
      valuation: fast || equityRound ? round1(rev * between(rng, 4, 30)) : null,
      listing:
        lo >= 40000
          ? rng.weighted([
              ['listed', 3],
              ['neeq', 1],
              ['unlisted', 6],
            ] as const)
          : 'unlisted',
      equity: equityRound,
      awards:
        award && year === years.at(-1)
          ? [{ kind: 'stAward', level: award, year, rank: rng.int(1, 5) }]
          : null,
      rdInstitutions: institution ? [{ level: institution }] : null,
      standards:
        leadStandard && year === years[0] ? [{ level: leadStandard, year, role: 'lead' }] : null,
      highTechField: field ?? null,
      profile: { leadProductStrategicEmerging: strategic },
      yearsInNiche: Math.max(0, year - founded - rng.int(0, 2)),
      yearsInField: Math.max(0, year - founded),
      assessments,
    });
  }
  return { years: out, certificates: certificatesFor(rng, org, out, tech) };
}

/** Recognitions this profile plausibly holds: 高企 for R&D-intensive firms, and so on. */
function certificatesFor(rng: Random, org: SeedOrg, years: SeedYear[], tech: number) {
  const certs: CertificateInput[] = [];
  const last = years.at(-1);
  if (!last) return certs;
  const code = org.regionCode.slice(0, 2);
  const serial = () => pad(rng.int(0, 999_999), 6);
  const rd = last.rdSpend / Math.max(last.revenue, 1);
  const science = last.scienceStaff / Math.max(last.staff, 1);
  const highTechShare = (last.highTechIncome ?? 0) / Math.max(last.revenue, 1);
  if (
    rd >= 0.03 &&
    science >= 0.1 &&
    highTechShare >= 0.6 &&
    last.highTechField &&
    rng.chance(0.8)
  ) {
    const year = rng.pick([2022, 2023, 2024]);
    certs.push({
      kind: 'highTech',
      number: `GR${year}${code}${serial()}`,
      issuedOn: dateIn(rng, year),
      expiresOn: `${year + 3}-12-31`,
      issuer: '湖北省科学技术厅',
    });
  }
  if (last.staff <= 500 && last.revenue <= 20000 && rng.chance(0.45 * tech)) {
    certs.push({
      kind: 'techSme',
      number: `2025${code}0${serial()}${rng.int(0, 9)}`,
      issuedOn: dateIn(rng, 2025),
      expiresOn: '2025-12-31',
      issuer: '科技部火炬中心',
    });
  }
  const recognised = (kind: CertificateInput['kind'], p: number, issuer: string) => {
    if (!rng.chance(p)) return;
    const year = rng.pick([2023, 2024]);
    certs.push({
      kind,
      number: `${kind.slice(0, 2).toUpperCase()}${year}${serial()}`,
      issuedOn: dateIn(rng, year),
      expiresOn: `${year + 3}-12-31`,
      issuer,
    });
  };
  if (rd >= 0.03 && last.revenue >= 1000) {
    recognised('innovativeSme', 0.3, '湖北省经济和信息化厅');
    recognised('specialisedSme', 0.15, '湖北省经济和信息化厅');
    if (last.revenue >= 10000) recognised('littleGiant', 0.12, '工业和信息化部');
  }
  return certs;
}
