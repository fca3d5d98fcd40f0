/**
 * Organisations and their credit codes: error messages and field-problem reasons,
 * each in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = ['org', 'credit_code', 'org_type'] as const;

export const orgsErrors = defineMessages(PREFIXES, {
  'org.not_found': {
    zh: '机构不存在或无权查看',
    en: 'No such organisation, or you may not see it',
  },
  'org.credit_code_taken': {
    zh: '该统一社会信用代码已登记',
    en: 'This unified social credit code is already registered',
  },
  'org.version_conflict': {
    zh: '该机构已被他人修改，请刷新后重试',
    en: 'Someone else changed this organisation; reload and try again',
  },
});

export const orgsReasons = defineMessages(PREFIXES, {
  'credit_code.length': { zh: '统一社会信用代码应为 18 位', en: 'a credit code has 18 characters' },
  'credit_code.charset': {
    zh: '统一社会信用代码含非法字符（不得含 I、O、S、V、Z）',
    en: 'illegal character in credit code (I, O, S, V, Z are not used)',
  },
  'credit_code.org_check': {
    zh: '统一社会信用代码第 17 位（组织机构代码校验位）错误',
    en: 'character 17 (organisation-code check) is wrong',
  },
  'credit_code.check': {
    zh: '统一社会信用代码第 18 位校验码错误',
    en: 'character 18 (check character) is wrong',
  },
  'credit_code.duplicate_in_file': {
    zh: '文件中该统一社会信用代码重复（第 {row} 行）',
    en: 'credit code repeated in the file (row {row})',
  },
  'credit_code.not_enterprise': {
    zh: '名录中该代码属于非企业单位（如高校、科研院所），请联系所在市管理员开通账号',
    en: 'the directory lists this code for a non-enterprise (a university, an institute …); ask the city to open its account',
  },
  'credit_code.taken': {
    zh: '该统一社会信用代码已登记',
    en: 'this credit code is already registered',
  },
  'org_type.invalid': { zh: '机构类型不正确', en: 'unknown organisation type' },
});
