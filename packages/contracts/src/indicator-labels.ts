/** Names of the indicator fields and their coded values, in Chinese (source) and English. */
import type { IpKind, ListingStatus } from './tiers/types';

/** The high-tech field (highTechField) is named by tech-fields.ts, as everywhere else. */

type Label = { zh: string; en: string };

/** Scalar fields of an indicator year, with their unit. */
export const INDICATOR_FIELD_LABELS: Record<
  string,
  Label & { unit: '万元' | '人' | '项' | '年' | '' }
> = {
  revenue: { zh: '营业收入', en: 'Revenue', unit: '万元' },
  mainRevenue: { zh: '主营业务收入', en: 'Main-business revenue', unit: '万元' },
  totalIncome: { zh: '收入总额', en: 'Total income', unit: '万元' },
  highTechIncome: { zh: '高新技术产品（服务）收入', en: 'High-tech product income', unit: '万元' },
  rdSpend: { zh: '研发费用', en: 'R&D spending', unit: '万元' },
  rdSpendDomestic: { zh: '境内研发费用', en: 'R&D spending in China', unit: '万元' },
  totalCosts: { zh: '成本费用总额', en: 'Total costs', unit: '万元' },
  totalAssets: { zh: '资产总额', en: 'Total assets', unit: '万元' },
  liabilities: { zh: '负债总额', en: 'Liabilities', unit: '万元' },
  netAssets: { zh: '净资产', en: 'Net assets', unit: '万元' },
  staff: { zh: '职工总数', en: 'Staff', unit: '人' },
  scienceStaff: { zh: '科技人员数', en: 'S&T staff', unit: '人' },
  rdStaff: { zh: '研发人员数', en: 'R&D staff', unit: '人' },
  conversions: { zh: '科技成果转化数', en: 'Technology conversions', unit: '项' },
  foundedOn: { zh: '成立日期', en: 'Founded on', unit: '' },
  ip: { zh: '知识产权', en: 'Intellectual property', unit: '项' },
  ipClassIOwnDeveloped: { zh: '自主研发Ⅰ类知识产权', en: 'Class-I IP, own R&D', unit: '项' },
  ipClassIHighValue: { zh: '高价值Ⅰ类知识产权', en: 'Class-I IP, high value', unit: '项' },
  ipClassIInUse: { zh: '产业化应用的Ⅰ类知识产权', en: 'Class-I IP in industrial use', unit: '项' },
  ipObtainedBy: { zh: '知识产权获得方式', en: 'How IP was obtained', unit: '' },
  valuation: { zh: '企业估值', en: 'Valuation', unit: '万元' },
  listing: { zh: '上市状态', en: 'Listing status', unit: '' },
  equity: { zh: '股权融资', en: 'Equity raised', unit: '万元' },
  awards: { zh: '科技奖励', en: 'Awards', unit: '项' },
  rdInstitutions: { zh: '研发机构', en: 'R&D institutions', unit: '项' },
  standards: { zh: '起草标准', en: 'Standards drafted', unit: '项' },
  violations: { zh: '违法违规及事故记录', en: 'Violations and accidents', unit: '项' },
  highTechField: { zh: '高新技术领域', en: 'High-tech field', unit: '' },
  profile: { zh: '企业属性', en: 'Enterprise profile', unit: '' },
  yearsInNiche: { zh: '从事细分市场年限', en: 'Years in the niche', unit: '年' },
  yearsInField: { zh: '从事相关领域年限', en: 'Years in the field', unit: '年' },
  globalMarketRank: { zh: '主导产品全球市场占有率排名', en: 'Global market rank', unit: '' },
  assessments: { zh: '专家评分', en: 'Expert scores', unit: '' },
};

export const IP_KIND_LABELS: Record<IpKind, Label & { cls: 'I' | 'II' | null }> = {
  inventionPatent: { zh: '发明专利', en: 'Invention patents', cls: 'I' },
  defencePatent: { zh: '国防专利', en: 'Defence patents', cls: 'I' },
  plantVariety: { zh: '植物新品种', en: 'Plant varieties', cls: 'I' },
  nationalCropVariety: { zh: '国家级农作物品种', en: 'National crop varieties', cls: 'I' },
  nationalNewDrug: { zh: '国家新药', en: 'National new drugs', cls: 'I' },
  tcmProtectedVarietyGradeI: { zh: '国家一级中药保护品种', en: 'Grade-I protected TCM', cls: 'I' },
  icLayoutDesign: { zh: '集成电路布图设计', en: 'IC layout designs', cls: 'I' },
  utilityModel: { zh: '实用新型专利', en: 'Utility models', cls: 'II' },
  design: { zh: '外观设计专利', en: 'Designs', cls: 'II' },
  softwareCopyright: { zh: '软件著作权', en: 'Software copyrights', cls: 'II' },
  trademark: { zh: '商标', en: 'Trademarks', cls: null },
};

export const LISTING_LABELS: Record<ListingStatus, Label> = {
  unlisted: { zh: '未上市', en: 'Unlisted' },
  neeq: { zh: '新三板', en: 'NEEQ' },
  listed: { zh: '已上市', en: 'Listed' },
};

export const IP_OBTAINED_LABELS: Record<'own' | 'acquired', Label> = {
  own: { zh: '自主研发', en: 'Own R&D' },
  acquired: { zh: '受让、受赠或并购', en: 'Transferred or acquired' },
};

export const INDICATOR_SOURCE_LABELS: Record<'form' | 'excel' | 'correction' | 'seed', Label> = {
  form: { zh: '表单填报', en: 'Form' },
  excel: { zh: 'Excel 导入', en: 'Excel import' },
  correction: { zh: '数据更正', en: 'Correction' },
  seed: { zh: '演示数据', en: 'Demo data' },
};
