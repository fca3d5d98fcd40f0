/**
 * 中小企业划型标准 — 工信部联企业〔2011〕300号《中小企业划型标准规定》第四条 (一)–(十六).
 *
 * The reference file (tiers-and-rankings.md) does not carry these figures; they were checked
 * clause by clause against a secondary copy of the 第四条 text (a public repository quoting the
 * rule verbatim), hence confidence 'secondary'. Amounts in 万元, staff = 从业人员.
 */
import type { SizeClassDef, SizeClassId, SizeStandard } from '../size-types';

/** Staff and revenue lower bounds of large / medium / small, as most clauses set them. */
function byStaffRevenue(
  labelZh: string,
  labelEn: string,
  ref: string,
  [largeStaff, largeRevenue]: [number, number],
  [mediumStaff, mediumRevenue]: [number, number],
  [smallStaff, smallRevenue]: [number, number],
): SizeClassDef {
  return {
    labelZh,
    labelEn,
    large: { staff: largeStaff, revenue: largeRevenue },
    medium: { staff: mediumStaff, revenue: mediumRevenue },
    small: { staff: smallStaff, revenue: smallRevenue },
    ref,
  };
}

const CLASSES: Record<SizeClassId, SizeClassDef> = {
  // (一) 营业收入 20000 万元以下为中小微型；500 及以上中型，50 及以上小型
  agriculture: {
    labelZh: '农、林、牧、渔业',
    labelEn: 'Agriculture, forestry, animal husbandry and fishery',
    large: { revenue: 20000 },
    medium: { revenue: 500 },
    small: { revenue: 50 },
    ref: '第四条（一）',
  },
  industrial: byStaffRevenue(
    '工业',
    'Industry',
    '第四条（二）',
    [1000, 40000],
    [300, 2000],
    [20, 300],
  ),
  // (三) 营业收入与资产总额
  construction: {
    labelZh: '建筑业',
    labelEn: 'Construction',
    large: { revenue: 80000, totalAssets: 80000 },
    medium: { revenue: 6000, totalAssets: 5000 },
    small: { revenue: 300, totalAssets: 300 },
    ref: '第四条（三）',
  },
  wholesale: byStaffRevenue(
    '批发业',
    'Wholesale',
    '第四条（四）',
    [200, 40000],
    [20, 5000],
    [5, 1000],
  ),
  retail: byStaffRevenue('零售业', 'Retail', '第四条（五）', [300, 20000], [50, 500], [10, 100]),
  transport: byStaffRevenue(
    '交通运输业',
    'Transport',
    '第四条（六）',
    [1000, 30000],
    [300, 3000],
    [20, 200],
  ),
  warehousing: byStaffRevenue(
    '仓储业',
    'Warehousing',
    '第四条（七）',
    [200, 30000],
    [100, 1000],
    [20, 100],
  ),
  postal: byStaffRevenue(
    '邮政业',
    'Postal services',
    '第四条（八）',
    [1000, 30000],
    [300, 2000],
    [20, 100],
  ),
  accommodation: byStaffRevenue(
    '住宿业',
    'Accommodation',
    '第四条（九）',
    [300, 10000],
    [100, 2000],
    [10, 100],
  ),
  catering: byStaffRevenue(
    '餐饮业',
    'Catering',
    '第四条（十）',
    [300, 10000],
    [100, 2000],
    [10, 100],
  ),
  infoTransmission: byStaffRevenue(
    '信息传输业',
    'Information transmission',
    '第四条（十一）',
    [2000, 100000],
    [100, 1000],
    [10, 100],
  ),
  software: byStaffRevenue(
    '软件和信息技术服务业',
    'Software and IT services',
    '第四条（十二）',
    [300, 10000],
    [100, 1000],
    [10, 50],
  ),
  // (十三) 营业收入 200000 万元以下或资产总额 10000 万元以下为中小微型
  realEstate: {
    labelZh: '房地产开发经营',
    labelEn: 'Real-estate development',
    large: { revenue: 200000, totalAssets: 10000 },
    medium: { revenue: 1000, totalAssets: 5000 },
    small: { revenue: 100, totalAssets: 2000 },
    ref: '第四条（十三）',
  },
  propertyManagement: byStaffRevenue(
    '物业管理',
    'Property management',
    '第四条（十四）',
    [1000, 5000],
    [300, 1000],
    [100, 500],
  ),
  // (十五) 从业人员与资产总额
  leasingBusiness: {
    labelZh: '租赁和商务服务业',
    labelEn: 'Leasing and business services',
    large: { staff: 300, totalAssets: 120000 },
    medium: { staff: 100, totalAssets: 8000 },
    small: { staff: 10, totalAssets: 100 },
    ref: '第四条（十五）',
  },
  // (十六) 从业人员 300 人以下为中小微型；100 及以上中型，10 及以上小型
  other: {
    labelZh: '其他未列明行业',
    labelEn: 'Other industries',
    large: { staff: 300 },
    medium: { staff: 100 },
    small: { staff: 10 },
    ref: '第四条（十六）',
  },
};

export const SME_SIZE_2011: SizeStandard = {
  id: 'smeSize@2011',
  version: '2011',
  nameZh: '《中小企业划型标准规定》（工信部联企业〔2011〕300号）',
  nameEn: 'the SME size classification rules (MIIT et al., 2011 No. 300)',
  basis:
    '工业和信息化部 国家统计局 国家发展和改革委员会 财政部《关于印发中小企业划型标准规定的通知》（工信部联企业〔2011〕300号）',
  confidence: 'secondary',
  classes: CLASSES,
  // The corridor's industries (orgs.ts) by their main activity: manufacturing chains are 工业
  // (采矿、制造、电力热力燃气及水), the digital economy is software, aviation logistics is transport.
  industryClasses: {
    optoelectronics: 'industrial',
    biomedicine: 'industrial',
    auto: 'industrial',
    equipment: 'industrial',
    materials: 'industrial',
    digital: 'software',
    energy: 'industrial',
    agritech: 'industrial',
    logistics: 'transport',
    health: 'industrial',
  },
  notes: [
    'Lower bounds are inclusive ("及以上"); "以下" in "1000人以下或营业收入40000万元以下" excludes the bound, so exactly 1000 staff and 40000 万元 is large.',
    'Large, medium and small must meet every lower bound of the size, else the next size down applies; micro is what remains.',
    'agritech (现代农业与食品) and health (大健康) are read as 工业 (food and health-product manufacturing); a farm or a health-service firm would be 农、林、牧、渔业 or 其他未列明行业: record its class (EnterpriseYear.sizeClass) when known.',
    'A later revision of the rule, when issued, is a new SizeStandard record (e.g. smeSize@<year>) that the tier rule-sets name.',
  ],
};

/** Every size standard by id; tier rule-sets name theirs (`smeOnly.sizeStandard`). */
export const SIZE_STANDARDS: Record<string, SizeStandard> = {
  [SME_SIZE_2011.id]: SME_SIZE_2011,
};
