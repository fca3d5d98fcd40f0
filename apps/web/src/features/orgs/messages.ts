/** Organisations: registry, detail and form (zh-CN source and en side by side). */
import { defineMessages } from '@corridor/contracts';

export const orgsMessages = defineMessages(['org'], {
  'org.name': { zh: '名称', en: 'Name' },
  'org.creditCode': { zh: '统一社会信用代码', en: 'Unified social credit code' },
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
    zh: '名称、拼音首字母或信用代码',
    en: 'Name, pinyin initials or credit code',
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
