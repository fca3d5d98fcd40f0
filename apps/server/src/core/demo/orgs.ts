/**
 * Deterministic demo organisations for the five cities.
 * Pure functions, no database: the same seed and scale always give the same output, and the
 * first n organisations do not depend on the scale (a larger run extends a smaller one).
 */
import {
  type CityCode,
  creditBodyFromNumber,
  INDUSTRIES,
  type IndustryCode,
  makeCreditCode,
  type OrgInput,
  type OrgType,
} from '@corridor/contracts';
import {
  BANK_OFFERS,
  BRAND_FIRST,
  BRAND_SECOND,
  BUILDING_WORDS,
  CITY_DEPARTMENTS,
  CITY_PROFILES,
  type CityProfile,
  CN_NUMERALS,
  COMPANY_SUFFIXES,
  DEPARTMENT_DUTIES,
  DISTRICT_DEPARTMENTS,
  type District,
  FINANCE_KINDS,
  FORBIDDEN_IN_NAMES,
  GIVEN_CHARS,
  INDUSTRY_FIELD_WORDS,
  INDUSTRY_MARKETS,
  INDUSTRY_NAME_WORDS,
  INSTITUTE_SUFFIXES,
  MOBILE_PREFIXES,
  PLATFORM_KINDS,
  ROAD_KINDS,
  ROAD_STEMS,
  SURNAMES,
  UNIVERSITY_KINDS,
  WORD_PRODUCTS,
} from './names';
import { createRandom, type Random } from './random';

/** One organisation, exactly the fields of OrgInput (so it passes OrgInputSchema as is). */
export interface DemoOrg extends OrgInput {
  type: OrgType;
  regionCode: CityCode;
  industry: IndustryCode | null;
  address: string;
  foundedOn: string;
  contactName: string;
  contactPhone: string;
  description: string;
}

export interface GenerateOptions {
  /** Number of organisations. */
  scale: number;
  seed?: number;
}

export const DEFAULT_SEED = 20_260_101;
/** Credit-code bodies are bijections of the index: unique for any scale up to this bound. */
export const MAX_SCALE = 10_000_000;

/** Org type mix (relative weights): mostly enterprises. */
const TYPE_WEIGHTS: readonly (readonly [OrgType, number])[] = [
  ['enterprise', 860],
  ['university', 10],
  ['institute', 30],
  ['incubator', 30],
  ['financial_institution', 30],
  ['service_platform', 35],
  ['government_department', 5],
];
/** The first organisations cover every type and every city, whatever the scale or seed. */
const HEAD: readonly (readonly [OrgType, CityCode])[] = [
  ['enterprise', '420100'],
  ['university', '420100'],
  ['financial_institution', '420100'],
  ['institute', '420700'],
  ['incubator', '420200'],
  ['service_platform', '421100'],
  ['government_department', '421200'],
  ['enterprise', '420700'],
  ['enterprise', '420200'],
  ['enterprise', '421100'],
  ['enterprise', '421200'],
];

const CITY_WEIGHTS = CITY_PROFILES.map((c) => [c, c.weight] as const);
const PROFILE_BY_CODE = new Map<string, CityProfile>(CITY_PROFILES.map((c) => [c.code, c]));
const DISTRICT_WEIGHTS = new Map(
  CITY_PROFILES.map((c) => [c.code, c.districts.map((d) => [d, d.weight] as const)]),
);
const INDUSTRY_ZH = new Map<string, string>(INDUSTRIES.map((i) => [i.code, i.zh]));
const FORBIDDEN = new RegExp(FORBIDDEN_IN_NAMES.join('|'), 'u');

// Credit-code bodies. Two disjoint families, each an affine bijection of the org's index:
// - 'MA' + 6 symbols (modulus 31^6) for companies registered after the 2015 reform, as real ones;
// - 8 decimal digits (modulus 10^8), the old GB 11714 organisation codes, for everything else.
// Distinct indices → distinct bodies → distinct codes, guaranteed rather than likely.
const MA_MODULUS = 31 ** 6;
const MA_FACTOR = 48_271; // not a multiple of 31
const DIGIT_MODULUS = 100_000_000;
const DIGIT_FACTOR = 7_919_003; // coprime with 10

function creditBody(index: number, modern: boolean, seedOffset: number): string {
  if (modern) {
    const n = (index * MA_FACTOR + seedOffset) % MA_MODULUS;
    return `MA${creditBodyFromNumber(n).slice(2)}`;
  }
  const n = (index * DIGIT_FACTOR + seedOffset) % DIGIT_MODULUS;
  return String(n).padStart(8, '0');
}

function ordinal(n: number): string {
  return n <= 10 ? (CN_NUMERALS[n] as string) : String(n);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
/** A calendar date YYYY-MM-DD between 1 January of fromYear and 31 December of toYear. */
function dateBetween(rng: Random, fromYear: number, toYear: number): string {
  const year = rng.int(fromYear, toYear);
  const month = rng.int(1, 12);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
  return `${year}-${pad2(month)}-${pad2(rng.int(1, days))}`;
}

export function personName(rng: Random): string {
  const given = rng.chance(0.7)
    ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS)
    : rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

function mobile(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

function brand(rng: Random): string {
  const first = rng.pick(BRAND_FIRST);
  let second = rng.pick(BRAND_SECOND);
  while (second === first) second = rng.pick(BRAND_SECOND);
  return first + second;
}

/** Four characters, e.g. 光曜芯联: two brands that share no character. */
function longBrand(rng: Random): string {
  const a = brand(rng);
  let b = brand(rng);
  while (b.includes(a[0] as string) || b.includes(a[1] as string)) b = brand(rng);
  return a + b;
}

function businessWord(rng: Random, city: CityProfile, industry: IndustryCode): string {
  const local = city.localWords[industry];
  if (local && rng.chance(0.35)) return rng.pick(local);
  return rng.pick(INDUSTRY_NAME_WORDS[industry]);
}

function zone(rng: Random, d: District): string {
  return d.zones.length > 0 && rng.chance(0.7) ? rng.pick(d.zones) : d.short;
}

interface NameDraft {
  name: string;
  /** Credit-code prefix: 91 company, 12 public institution, 11 government body. */
  prefix: '91' | '12' | '11';
  /** Word of a branch (分公司, 分院 …) used when the drawn name is taken; null: no branch. */
  branch: string | null;
}

interface Draw {
  rng: Random;
  city: CityProfile;
  district: District;
  industry: IndustryCode;
  /** Set by the name builder: what the organisation does (business word, field, service). */
  word: string;
  /** Set by the name builder: products or services the description may name. */
  offers: readonly string[];
}

function enterpriseName(draw: Draw): NameDraft {
  const { rng, city, district, industry } = draw;
  const suffix = rng.weighted(COMPANY_SUFFIXES);
  const b = rng.chance(0.2) ? longBrand(rng) : brand(rng);
  const word = businessWord(rng, city, industry);
  draw.word = word;
  draw.offers = WORD_PRODUCTS[word] ?? [`${word}产品`];
  const form = rng.next();
  let name: string;
  if (form < 0.6) name = `${city.zh}${b}${word}${suffix}`;
  else if (form < 0.8) name = `${city.zh}${zone(rng, district)}${b}${word}${suffix}`;
  else if (form < 0.92) name = `${b}${word}（${city.zh}）${suffix}`;
  else name = `湖北${b}${word}${suffix}`;
  return { name, prefix: '91', branch: '分公司' };
}

function universityName({ rng, city, industry }: Draw): NameDraft {
  const kinds =
    industry === 'biomedicine' || industry === 'health'
      ? UNIVERSITY_KINDS.medical
      : industry === 'agritech'
        ? UNIVERSITY_KINDS.agri
        : industry === 'logistics'
          ? UNIVERSITY_KINDS.aviation
          : UNIVERSITY_KINDS.general;
  const place = rng.chance(0.75) ? city.zh : '湖北';
  return { name: `${place}${brand(rng)}${rng.pick(kinds)}`, prefix: '12', branch: '校区' };
}

function instituteName(draw: Draw): NameDraft {
  const { rng, city, district, industry } = draw;
  const field = rng.pick(INDUSTRY_FIELD_WORDS[industry]);
  draw.word = field;
  const place = rng.chance(0.3) ? `${city.zh}${zone(rng, district)}` : city.zh;
  const name = `${place}${brand(rng)}${field}${rng.weighted(INSTITUTE_SUFFIXES)}`;
  return { name, prefix: '12', branch: '分院' };
}

function incubatorName(draw: Draw): NameDraft {
  const { rng, city, district, industry } = draw;
  const field = rng.pick(INDUSTRY_FIELD_WORDS[industry]);
  draw.word = field;
  const b = brand(rng);
  const form = rng.next();
  let name: string;
  if (form < 0.4) name = `${city.zh}${zone(rng, district)}${b}科技企业孵化器有限公司`;
  else if (form < 0.7) name = `${city.zh}${b}众创空间管理有限公司`;
  else name = `${city.zh}${b}${field}产业孵化器有限公司`;
  return { name, prefix: '91', branch: '分公司' };
}

function financialName(draw: Draw): NameDraft {
  const { rng, city, district } = draw;
  const b = brand(rng);
  const form = rng.next();
  if (form < 0.3) {
    draw.offers = BANK_OFFERS;
    const name =
      form < 0.2
        ? `${b}银行${city.zh}${district.short}科技支行`
        : `${city.zh}${b}农商银行${district.short}科技支行`;
    return { name, prefix: '91', branch: null };
  }
  const [kind, offers] = rng.pick(FINANCE_KINDS);
  draw.offers = offers;
  const name = rng.chance(0.2)
    ? `${b}${kind.replace('有限公司', `（${city.zh}）有限公司`)}`
    : `${city.zh}${b}${kind}`;
  return { name, prefix: '91', branch: '分公司' };
}

function platformName(draw: Draw): NameDraft {
  const { rng, city, district, industry } = draw;
  const b = brand(rng);
  if (rng.chance(0.15)) {
    const field = rng.pick(INDUSTRY_FIELD_WORDS[industry]);
    draw.word = '共性技术研发和仪器设备共享';
    return {
      name: `${city.zh}${zone(rng, district)}${b}${field}公共技术服务中心`,
      prefix: '12',
      branch: '分中心',
    };
  }
  const [kind, service] = rng.pick(PLATFORM_KINDS);
  draw.word = service;
  return { name: `${city.zh}${b}${kind}`, prefix: '91', branch: '分公司' };
}

const NAME_BUILDERS: Record<Exclude<OrgType, 'government_department'>, (d: Draw) => NameDraft> = {
  enterprise: enterpriseName,
  university: universityName,
  institute: instituteName,
  incubator: incubatorName,
  financial_institution: financialName,
  service_platform: platformName,
};

interface Department {
  name: string;
  district: District;
  /** Region of the credit code: the city for city-level bodies, else the district. */
  regionCode: string;
  duty: string;
  level: '市' | '区' | '县';
}

/** Every public body of a city: city-level bureaus, then those of each district. */
function departmentsOf(city: CityProfile): Department[] {
  const seat = city.districts.find((d) => d.code === city.seat) ?? (city.districts[0] as District);
  const out: Department[] = CITY_DEPARTMENTS.map((dept) => ({
    name: `${city.zh}市${dept}`,
    district: seat,
    regionCode: city.code,
    duty: DEPARTMENT_DUTIES[dept] ?? '',
    level: '市',
  }));
  for (const d of city.districts) {
    const place = d.name.endsWith('市') ? d.name : `${city.zh}市${d.name}`;
    for (const dept of DISTRICT_DEPARTMENTS) {
      out.push({
        name: `${place}${dept}`,
        district: d,
        regionCode: d.code,
        duty: DEPARTMENT_DUTIES[dept] ?? '',
        level: d.name.endsWith('县') ? '县' : d.name.endsWith('市') ? '市' : '区',
      });
    }
  }
  return out;
}

function address(rng: Random, city: CityProfile, d: District, inPark: boolean): string {
  const place = d.name.endsWith('市') ? d.name : `${city.zh}市${d.name}`;
  const road = `${rng.pick(ROAD_STEMS)}${rng.weighted(ROAD_KINDS)}${rng.int(1, 999)}号`;
  const building =
    inPark && rng.chance(0.6)
      ? `${rng.pick(BRAND_FIRST)}${rng.pick(BRAND_SECOND)}${rng.pick(BUILDING_WORDS)}${rng.int(1, 24)}栋${rng.int(1, 25)}${String(rng.int(1, 20)).padStart(2, '0')}室`
      : '';
  return `湖北省${place}${road}${building}`;
}

function otherCity(rng: Random, city: CityProfile): string {
  let other = rng.pick(CITY_PROFILES);
  while (other.code === city.code) other = rng.pick(CITY_PROFILES);
  return other.zh;
}

/** Two different items of a list (or the one item of a one-item list). */
function twoOf(rng: Random, items: readonly string[]): string {
  const first = rng.pick(items);
  if (items.length < 2) return first;
  let second = rng.pick(items);
  while (second === first) second = rng.pick(items);
  return `${first}和${second}`;
}

function description(rng: Random, type: OrgType, draw: Draw, dept: Department | null): string {
  const { city, district, industry } = draw;
  const field = INDUSTRY_ZH.get(industry) ?? '';
  switch (type) {
    case 'enterprise': {
      const product = rng.pick(draw.offers);
      const lead = product.endsWith('服务')
        ? `主要提供${product}`
        : `${rng.pick(['专注于', '主要从事', '致力于'])}${product}的研发、生产和销售`;
      const place = district.park ?? district.name;
      const tail = rng.pick([
        `公司拥有发明专利${rng.int(3, 120)}项，客户覆盖${rng.pick(INDUSTRY_MARKETS[industry])}。`,
        '公司是国家高新技术企业，建有省级企业技术中心。',
        `公司位于${place}，与${otherCity(rng, city)}多家高校院所开展产学研合作。`,
        `公司研发人员占比${rng.int(12, 65)}%，参与光谷科创大走廊${field}产业链协同。`,
      ]);
      return `${lead}。${tail}`;
    }
    case 'university':
      return `一所以${field}相关学科为特色的高等学校，设有${rng.int(6, 18)}个二级学院，面向光谷科创大走廊培养应用型人才。`;
    case 'institute':
      return `围绕${draw.word}领域开展关键核心技术攻关和成果转化，已孵化科技企业${rng.int(2, 60)}家。`;
    case 'incubator':
      return `为${draw.word}领域初创企业提供办公空间、创业辅导和投融资对接等孵化服务，在孵企业${rng.int(10, 180)}家。`;
    case 'financial_institution':
      return `面向科技型中小企业提供${twoOf(rng, draw.offers)}等金融服务，累计服务企业${rng.int(50, 3000)}家。`;
    case 'service_platform':
      return `提供${draw.word}等专业服务，助力${field}领域成果跨区域转移转化。`;
    case 'government_department':
      return `负责本${dept?.level ?? '市'}${dept?.duty ?? '科技创新'}等工作，推进光谷科创大走廊协同创新。`;
  }
}

/**
 * Generates `scale` fictional organisations of the five cities. Lazily: at 100,000 the whole
 * run takes a fraction of a second; consume with `for … of` or `generateOrgBatches`.
 */
export function* generateOrgs(options: GenerateOptions): Generator<DemoOrg> {
  const { scale } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
    throw new RangeError(`scale must be an integer in [0, ${MAX_SCALE}]`);
  }
  const rng = createRandom(seed);
  const seedRng = createRandom(seed ^ 0x5eed);
  const maOffset = seedRng.int(0, MA_MODULUS - 1);
  const digitOffset = seedRng.int(0, DIGIT_MODULUS - 1);

  const usedNames = new Set<string>();
  const branchCount = new Map<string, number>();
  const departments = new Map<string, Department[]>(
    CITY_PROFILES.map((c) => [c.code, departmentsOf(c)]),
  );

  for (let index = 0; index < scale; index++) {
    const head = HEAD[index];
    const city = head ? (PROFILE_BY_CODE.get(head[1]) as CityProfile) : rng.weighted(CITY_WEIGHTS);
    let type: OrgType = head ? head[0] : rng.weighted(TYPE_WEIGHTS);
    const district = rng.weighted(DISTRICT_WEIGHTS.get(city.code) ?? []);
    const industry = rng.weighted(city.industries);
    const draw: Draw = { rng, city, district, industry, word: '', offers: [] };

    // Public bodies are a finite list per city; once it is used up, the slot is an enterprise.
    let dept: Department | null = null;
    if (type === 'government_department') {
      const pool = departments.get(city.code) ?? [];
      if (pool.length > 0) {
        const at = index < HEAD.length ? 0 : rng.int(0, pool.length - 1);
        dept = pool[at] as Department;
        pool[at] = pool[pool.length - 1] as Department;
        pool.pop();
      } else {
        type = 'enterprise';
      }
    }

    let name: string;
    let prefix: NameDraft['prefix'];
    let regionCode6: string;
    if (dept) {
      name = dept.name;
      prefix = '11';
      regionCode6 = dept.regionCode;
    } else {
      const build = NAME_BUILDERS[type as Exclude<OrgType, 'government_department'>];
      let draft = build(draw);
      for (let attempt = 0; attempt < 6; attempt++) {
        if (!usedNames.has(draft.name) && !FORBIDDEN.test(draft.name)) break;
        draft = build(draw);
      }
      while (FORBIDDEN.test(draft.name)) draft = build(draw);
      name = draft.name;
      if (usedNames.has(name)) {
        // Still taken: a branch of the drawn name (洪山分公司, then 第二分公司 …).
        const branch = draft.branch ?? '营业部';
        name = `${draft.name}${district.short}${branch}`;
        let n = branchCount.get(draft.name) ?? 1;
        while (usedNames.has(name)) {
          n += 1;
          name = `${draft.name}第${ordinal(n)}${branch}`;
        }
        branchCount.set(draft.name, n);
      }
      prefix = draft.prefix;
      regionCode6 = district.code;
    }
    usedNames.add(name);

    const foundedOn =
      type === 'university'
        ? dateBetween(rng, 1952, 2012)
        : type === 'government_department'
          ? dateBetween(rng, 1978, 2019)
          : type === 'institute'
            ? dateBetween(rng, 1985, 2024)
            : dateBetween(rng, 1996, 2025);
    const modern = prefix === '91' && foundedOn >= '2016-01-01';
    const body = creditBody(index, modern, modern ? maOffset : digitOffset);

    yield {
      creditCode: makeCreditCode(prefix, regionCode6, body),
      name,
      type,
      regionCode: city.code,
      industry:
        type === 'government_department' || type === 'financial_institution' ? null : industry,
      address: dept ? address(rng, city, dept.district, false) : address(rng, city, district, true),
      foundedOn,
      contactName: personName(rng),
      contactPhone: mobile(rng),
      description: description(rng, type, draw, dept),
    };
  }
}

/** The same organisations in arrays of `batchSize` (for bulk inserts). */
export function* generateOrgBatches(
  options: GenerateOptions & { batchSize?: number },
): Generator<DemoOrg[]> {
  const size = options.batchSize ?? 1000;
  if (!Number.isInteger(size) || size < 1) throw new RangeError('batchSize must be ≥ 1');
  let batch: DemoOrg[] = [];
  for (const org of generateOrgs(options)) {
    batch.push(org);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
