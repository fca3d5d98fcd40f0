/**
 * What the audit log can hold, in words: every action the server writes (its `writeAudit`
 * calls are typed on AuditAction, and `apps/server/test/audit-catalogue.test.ts` scans them) and
 * every object type with the in-app page that shows it. The audit page renders events from
 * these labels, never from the codes.
 */
import type { Ability } from './abilities';
import type { Message } from './i18n/define';

/** Groups of the action filter (one per module), in menu order. */
export const AUDIT_ACTION_GROUPS = {
  auth: { zh: '登录与账号', en: 'Sign-in and accounts' },
  orgs: { zh: '机构与指标', en: 'Organisations and figures' },
  rankings: { zh: '榜单', en: 'Rankings' },
  market: { zh: '成果与需求', en: 'Achievements and demands' },
  deals: { zh: '对接、洽谈与合同', en: 'Introductions, negotiations and contracts' },
  platform: { zh: '文件、通知、驾驶舱与任务', en: 'Files, notifications, cockpit and jobs' },
  parks: { zh: '共建园区', en: 'Co-built parks' },
  audit: { zh: '审计与权限', en: 'Audit and access' },
} as const satisfies Record<string, Message>;
export type AuditActionGroup = keyof typeof AUDIT_ACTION_GROUPS;

type ActionEntry = Message & { group: AuditActionGroup };
const a = (group: AuditActionGroup, zh: string, en: string): ActionEntry => ({ group, zh, en });

export const AUDIT_ACTIONS = {
  'park.create': a('parks', '登记共建园区', 'Co-built park registered'),
  'park.update': a('parks', '修改共建园区', 'Co-built park changed'),
  'park.phase.create': a('parks', '新增协议阶段', 'Agreement phase added'),
  'park.phase.update': a('parks', '修改协议阶段', 'Agreement phase changed'),
  'park.figure.create': a('parks', '填报园区年度数据', 'Park figure entered'),
  'park.figure.update': a('parks', '更正园区年度数据', 'Park figure corrected'),
  'park.figure.import': a('parks', '导入园区年度数据（Excel）', 'Park figures imported (Excel)'),
  'park.figure.export': a('parks', '导出园区年度数据', 'Park figures exported'),
  'park.payment.record': a('parks', '登记利益分成支付', 'Benefit-sharing payment recorded'),
  'auth.login': a('auth', '登录', 'Sign-in'),
  'auth.logout': a('auth', '退出登录', 'Sign-out'),
  'auth.bruteforce_suspected': a('auth', '疑似暴力破解告警', 'Brute-force alert'),
  'auth.password_change': a('auth', '修改密码', 'Password changed'),
  'auth.mfa_setup': a('auth', '开始设置双因素认证', 'Second factor set-up started'),
  'auth.mfa_enable': a('auth', '启用双因素认证', 'Second factor enabled'),
  'account.create': a('auth', '创建账号', 'Account created'),
  'account.update': a('auth', '修改账号', 'Account changed'),
  'account.mfa_reset': a('auth', '重置双因素认证', 'Second factor reset'),
  'account.audit_approval': a('auth', '审计员双人授权', 'Second auditor’s approval'),
  'account.password_reset': a('auth', '管理员重置密码（临时密码）', 'Password reset by an admin'),
  'auth.password_reset_request': a('auth', '申请找回密码', 'Password reset requested'),
  'auth.password_reset': a('auth', '通过链接重置密码', 'Password reset by link'),
  'registration.submit': a('auth', '提交企业注册申请', 'Registration submitted'),
  'registration.approve': a('auth', '批准企业注册', 'Registration approved'),
  'registration.reject': a('auth', '驳回企业注册', 'Registration rejected'),
  'org.create': a('orgs', '登记机构', 'Organisation registered'),
  'org.update': a('orgs', '修改机构信息', 'Organisation changed'),
  'org.import': a('orgs', '导入机构（Excel）', 'Organisations imported (Excel)'),
  'org.export': a('orgs', '导出机构', 'Organisations exported'),
  'org.bulk_load': a('orgs', '批量载入机构', 'Organisations loaded in bulk'),
  'indicator.save': a('orgs', '填报年度指标', 'Yearly figures saved'),
  'indicator.correct': a('orgs', '更正年度指标', 'Yearly figures corrected'),
  'indicator.import': a('orgs', '导入年度指标（Excel）', 'Yearly figures imported (Excel)'),
  'indicator.export': a('orgs', '导出年度指标', 'Yearly figures exported'),
  'indicator.bulk_load': a('orgs', '批量载入年度指标', 'Yearly figures loaded in bulk'),
  'certificate.add': a('orgs', '添加资质证书', 'Certificate added'),
  'certificate.remove': a('orgs', '删除资质证书', 'Certificate removed'),
  'tiers.recompute': a('orgs', '重新计算梯度评价', 'Tier results recomputed'),
  'ranking.method.create': a('rankings', '新建评价方法', 'Ranking method created'),
  'ranking.method.update': a('rankings', '修改评价方法', 'Ranking method changed'),
  'ranking.method.publish': a('rankings', '发布评价方法', 'Ranking method published'),
  'ranking.edition.create': a(
    'rankings',
    '新建榜单（冻结数据）',
    'Edition created (inputs frozen)',
  ),
  'ranking.edition.rename': a('rankings', '修改榜单名称', 'Edition renamed'),
  'ranking.edition.open_window': a('rankings', '开启纠错公示', 'Correction window opened'),
  'ranking.edition.close_window': a('rankings', '截止纠错公示', 'Correction window closed'),
  'ranking.edition.publish': a('rankings', '签名发布榜单', 'Edition signed and published'),
  'ranking.key.create': a('rankings', '生成签名密钥', 'Signing key created'),
  'ranking.correction.file': a('rankings', '提交纠错申请', 'Correction claimed'),
  'ranking.correction.accept': a('rankings', '采纳纠错申请', 'Correction accepted'),
  'ranking.correction.reject': a('rankings', '驳回纠错申请', 'Correction rejected'),
  'market.achievement.create': a('market', '新建科技成果', 'Achievement created'),
  'market.achievement.update': a('market', '修改科技成果', 'Achievement changed'),
  'market.achievement.submit': a('market', '提交成果审核', 'Achievement submitted for review'),
  'market.achievement.review': a('market', '审核科技成果', 'Achievement reviewed'),
  'market.achievement.publish': a('market', '发布科技成果', 'Achievement published'),
  'market.achievement.withdraw': a('market', '撤回科技成果', 'Achievement withdrawn'),
  'market.achievement.feature': a('market', '设置成果展示', 'Showcase changed'),
  'market.achievement.status': a('market', '成果交易状态变更', 'Achievement deal status moved'),
  'market.achievement.import': a(
    'market',
    '导入科技成果（Excel）',
    'Achievements imported (Excel)',
  ),
  'market.achievement.export': a('market', '导出科技成果', 'Achievements exported'),
  'market.demand.create': a('market', '新建技术需求', 'Demand created'),
  'market.demand.update': a('market', '修改技术需求', 'Demand changed'),
  'market.demand.publish': a('market', '发布技术需求', 'Demand published'),
  'market.demand.close': a('market', '关闭技术需求', 'Demand closed'),
  'market.demand.withdraw': a('market', '撤回技术需求', 'Demand withdrawn'),
  'search.reindex': a('market', '重建检索索引', 'Search index rebuilt'),
  'market.demand.import': a('market', '导入技术需求（Excel）', 'Demands imported (Excel)'),
  'market.demand.export': a('market', '导出技术需求', 'Demands exported'),
  'market.bulk_load': a('market', '批量载入成果或需求', 'Achievements or demands loaded in bulk'),
  'matching.introduction.create': a('deals', '推荐对接', 'Introduction sent'),
  'matching.introduction.accept': a('deals', '接受对接推荐', 'Introduction accepted'),
  'matching.introduction.decline': a('deals', '谢绝对接推荐', 'Introduction declined'),
  'negotiation.open': a('deals', '发起洽谈', 'Negotiation opened'),
  'negotiation.message': a('deals', '洽谈留言', 'Negotiation message'),
  'negotiation.offer': a('deals', '提出报价', 'Offer made'),
  'negotiation.accept': a('deals', '接受报价', 'Offer accepted'),
  'negotiation.abandon': a('deals', '终止洽谈', 'Negotiation abandoned'),
  'negotiation.contract': a('deals', '由洽谈生成合同草稿', 'Contract draft from a negotiation'),
  'deal.create': a('deals', '填报技术合同', 'Contract entered'),
  'deal.sign': a('deals', '确认签订技术合同', 'Contract signed by a party'),
  'deal.refuse': a('deals', '拒绝签订技术合同', 'Contract refused by a party'),
  'deal.register': a('deals', '登记技术合同', 'Contract registered'),
  'deal.export': a('deals', '导出技术合同', 'Contracts exported'),
  'deal.seed': a('deals', '批量载入技术合同', 'Contracts loaded in bulk'),
  'file.upload': a('platform', '上传文件', 'File uploaded'),
  'file.attach': a('platform', '关联附件', 'Attachments changed'),
  'file.download': a('platform', '下载文件', 'File downloaded'),
  'notification.read': a('platform', '阅读通知', 'Notification read'),
  'notification.read_all': a('platform', '全部通知标为已读', 'All notifications marked read'),
  'cockpit.rebuild': a('platform', '重建驾驶舱统计', 'Cockpit figures rebuilt'),
  'cockpit.kpi.enter': a('platform', '录入官方指标', 'Official figure entered'),
  'cockpit.kpi.update': a('platform', '更正官方指标', 'Official figure corrected'),
  'jobs.run': a('platform', '执行定时任务', 'Timed job run'),
  'audit.verify': a('audit', '验证审计哈希链', 'Audit chain verified'),
  'audit.archive': a('audit', '归档审计记录', 'Audit events archived'),
  'permission.denied': a('audit', '越权操作被拒绝', 'Access refused'),
} as const satisfies Record<string, ActionEntry>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/**
 * The page that shows an object: `path` with `:id` (the event's object id) or `:<field>` (a
 * field of the event's detail, e.g. the organisation of a year of figures), opened by those
 * who hold `ability`. No link: the object has no page of its own.
 */
export interface AuditObjectLink {
  path: string;
  ability: Ability;
}
type ObjectEntry = Message & { link?: AuditObjectLink };
const o = (zh: string, en: string, path?: string, ability?: Ability): ObjectEntry =>
  path && ability ? { zh, en, link: { path, ability } } : { zh, en };

export const AUDIT_OBJECT_TYPES = {
  account: o('账号', 'Account', '/app/accounts', 'accounts.manage'),
  org: o('机构', 'Organisation', '/app/orgs/:id', 'orgs.read'),
  park: o('共建园区', 'Co-built park', '/app/parks/:id', 'parks.read'),
  park_phase: o('协议阶段', 'Agreement phase', '/app/parks/:parkId', 'parks.read'),
  park_figure: o('园区年度数据', 'Park figure', '/app/parks/:parkId', 'parks.read'),
  park_payment: o('利益分成支付', 'Benefit-sharing payment', '/app/parks/:parkId', 'parks.read'),
  registration: o('注册申请', 'Registration', '/app/registrations', 'registrations.review'),
  indicator_year: o('年度指标', 'Yearly figures', '/app/orgs/:orgId', 'orgs.read'),
  certificate: o('资质证书', 'Certificate', '/app/orgs/:orgId', 'orgs.read'),
  tier_results: o('梯度评价结果', 'Tier results', '/app/tiers/stats', 'tiers.stats'),
  ranking_method: o('评价方法', 'Ranking method', '/app/rankings/workbench', 'rankings.publish'),
  ranking_edition: o('榜单', 'Ranking edition', '/app/rankings/:id', 'rankings.read'),
  ranking_key: o('签名密钥', 'Signing key', '/app/rankings/workbench', 'rankings.publish'),
  ranking_correction: o('纠错申请', 'Correction', '/app/rankings/:editionId', 'rankings.read'),
  market_achievement: o('科技成果', 'Achievement', '/app/market/achievements/:id', 'market.read'),
  market_demand: o('技术需求', 'Demand', '/app/market/demands/:id', 'market.read'),
  matching_introduction: o('对接推荐', 'Introduction', '/app/market/introductions', 'market.read'),
  negotiation: o('成果洽谈', 'Negotiation', '/app/negotiations/:id', 'deals.negotiate'),
  deal: o('技术合同', 'Technology contract', '/app/deals', 'deals.read'),
  file: o('文件', 'File'),
  notification: o('通知', 'Notification'),
  cockpit: o('驾驶舱统计', 'Cockpit figures', '/app/cockpit', 'cockpit.leaders'),
  cockpit_kpi: o('官方指标', 'Official figure', '/app/cockpit', 'cockpit.leaders'),
  search_index: o('检索索引', 'Search index'),
  job: o('定时任务', 'Timed job', '/app/jobs', 'jobs.manage'),
  audit_archive: o('审计归档', 'Audit archive'),
} as const satisfies Record<string, ObjectEntry>;

export type AuditObjectType = keyof typeof AUDIT_OBJECT_TYPES;
export const AUDIT_OBJECT_TYPE_CODES = Object.keys(AUDIT_OBJECT_TYPES) as AuditObjectType[];

export function isAuditObjectType(value: string): value is AuditObjectType {
  return Object.hasOwn(AUDIT_OBJECT_TYPES, value);
}

/** Detail keys that hold another object's id, and that object's type (named and linked too). */
export const AUDIT_DETAIL_REFERENCES: Readonly<Record<string, AuditObjectType>> = {
  orgId: 'org',
  sellerOrgId: 'org',
  buyerOrgId: 'org',
  accountId: 'account',
  achievementId: 'market_achievement',
  demandId: 'market_demand',
  introductionId: 'matching_introduction',
  dealId: 'deal',
  editionId: 'ranking_edition',
  previousEditionId: 'ranking_edition',
  methodId: 'ranking_method',
};

const CANONICAL_ID = /^[1-9]\d{0,9}$/;

/**
 * The in-app address of an event's object, or null when it has none or a part is missing. Only
 * canonical ids fill a path, so whatever a detail holds cannot steer the link elsewhere.
 */
export function auditObjectLink(
  objectType: string | null,
  objectId: string | null,
  detail: Record<string, unknown>,
): AuditObjectLink | null {
  if (!objectType || !isAuditObjectType(objectType)) return null;
  const entry: ObjectEntry = AUDIT_OBJECT_TYPES[objectType];
  if (!entry.link) return null;
  let missing = false;
  const path = entry.link.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = name === 'id' ? objectId : detail[name];
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || !CANONICAL_ID.test(text)) missing = true;
    return String(text);
  });
  return missing ? null : { path, ability: entry.link.ability };
}
