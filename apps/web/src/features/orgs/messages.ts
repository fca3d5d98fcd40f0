/** Organisations: registry, detail and form (zh-CN source and en side by side). */
import { defineMessages } from '@corridor/contracts';

export const orgsMessages = defineMessages(['org'], {
  'org.name': { zh: '名称', en: 'Name' },
  'org.creditCode': { zh: '统一社会信用代码', en: 'Unified social credit code' },
  'org.issuedElsewhere': {
    zh: '该代码由{place}登记机关赋码（第 3–8 位），与所属城市不一致；如属迁址、分支机构等情况可继续保存，将留痕备查',
    en: 'This code was issued in {place} (positions 3–8), not in the chosen city; fine for a move or a branch — saved and recorded',
  },
  'org.issuedElsewhereTag': { zh: '{place}赋码', en: 'Code issued in {place}' },
  'org.issuedOutsideHubei': { zh: '省外', en: 'another province' },
  'org.issuedInHubei': { zh: '省内其他市州', en: 'another city of Hubei' },
  'org.type': { zh: '类型', en: 'Type' },
  'org.city': { zh: '城市', en: 'City' },
  'org.industry': { zh: '产业', en: 'Industry' },
  'org.foundedOn': { zh: '成立日期', en: 'Founded on' },
  'org.address': { zh: '地址', en: 'Address' },
  'org.contactName': { zh: '联系人', en: 'Contact' },
  'org.contactPhone': { zh: '联系电话', en: 'Contact phone' },
  'org.description': { zh: '简介', en: 'Description' },
  'org.createdAt': { zh: '创建时间', en: 'Created' },
  'org.updatedAt': { zh: '更新时间', en: 'Updated' },
  'org.version': { zh: '版本', en: 'Version' },
  'org.create': { zh: '新建机构', en: 'New organisation' },
  'org.import': { zh: '导入 Excel', en: 'Import Excel' },
  'org.export': { zh: '导出 Excel', en: 'Export Excel' },
  'org.createTitle': { zh: '新建机构', en: 'New organisation' },
  'org.editTitle': { zh: '编辑机构', en: 'Edit organisation' },
  'org.searchPlaceholder': {
    zh: '名称、拼音、拼音首字母或信用代码',
    en: 'Name, pinyin, pinyin initials or credit code',
  },
  'org.backToList': { zh: '返回列表', en: 'Back to list' },
  'org.notFound': { zh: '机构不存在或无权查看', en: 'No such organisation, or you may not see it' },
  'org.created': {
    zh: '已创建机构：{name}（点击查看）',
    en: 'Organisation created: {name} (open)',
  },
  'org.noChanges': { zh: '没有需要保存的修改', en: 'Nothing to save' },
  'org.conflictHint': {
    zh: '已载入最新版本，再次保存将以您修改的字段覆盖。',
    en: 'The latest version is loaded; saving again applies the fields you changed.',
  },
});
