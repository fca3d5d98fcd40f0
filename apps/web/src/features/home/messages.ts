/** The public home page (zh-CN source and en side by side). */
import { defineMessages } from '@corridor/contracts';

export const homeMessages = defineMessages(['home'], {
  'home.cockpit': { zh: '走廊驾驶舱', en: 'Corridor cockpit' },
  'home.intro': {
    zh: '武汉、鄂州、黄石、黄冈、咸宁五市共建的协同创新平台：企业、高校院所、人才、投资机构、技术经纪人与各级政府在此对接成果与需求、联合培育企业、共享数据，并接受监督；公众可在此了解大走廊的发展。',
    en: 'The collaborative innovation platform of Wuhan, Ezhou, Huangshi, Huanggang and Xianning: enterprises, universities, institutes, talents, investors, technology brokers and governments match achievements with demands, cultivate enterprises together, share data and are supervised here — and the public can follow how the corridor grows.',
  },
  'home.highlight.transfer': { zh: '成果跨区域转移转化', en: 'Cross-city technology transfer' },
  'home.highlight.cultivation': { zh: '企业联合培育', en: 'Joint enterprise cultivation' },
  'home.highlight.finance': { zh: '科技金融', en: 'Technology finance' },
  'home.highlight.data': { zh: '数据共享与安全治理', en: 'Data sharing & security governance' },
  'home.login': { zh: '登录', en: 'Sign in' },
  'home.enter': { zh: '进入工作台', en: 'Open workspace' },
  'home.totalOrgs': { zh: '入驻机构总数', en: 'Registered organisations' },
  'home.orgCount': { zh: '机构数', en: 'Organisations' },
  'home.chartTitle': { zh: '各市机构数量', en: 'Organisations per city' },
  'home.overviewUnavailable': {
    zh: '统计数据暂时无法获取',
    en: 'Statistics are not available right now',
  },
  'home.updatedAt': { zh: '数据更新时间：{time}', en: 'Data as of {time}' },
  'home.footer': {
    zh: '光谷科创大走廊 · 武鄂黄黄咸协同创新',
    en: 'Optics Valley Innovation Corridor · Wuhan, Ezhou, Huangshi, Huanggang, Xianning',
  },
  'home.park.420100': {
    zh: '东湖高新区（中国光谷）',
    en: 'East Lake High-tech Zone (Optics Valley)',
  },
  'home.park.420700': {
    zh: '葛店经开区、红莲湖',
    en: 'Gedian Economic Development Zone, Honglian Lake',
  },
  'home.park.420200': { zh: '黄石大冶湖高新区', en: 'Huangshi Daye Lake High-tech Zone' },
  'home.park.421100': { zh: '黄冈高新区', en: 'Huanggang High-tech Zone' },
  'home.park.421200': { zh: '咸宁高新区', en: 'Xianning High-tech Zone' },
  'home.rankings': { zh: '企业榜单', en: 'Enterprise rankings' },
  'home.showcase': { zh: '科技成果展示', en: 'Featured achievements' },
});
