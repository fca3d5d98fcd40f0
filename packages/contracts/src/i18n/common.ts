/**
 * Cross-cutting messages (request handling, validation, Excel import, uploaded files) and the generic field
 * reasons (zod's own issue codes, text, dates, amounts), each in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = [
  'validation',
  'record',
  'request',
  'route',
  'method',
  'csrf',
  'permission',
  'db',
  'server',
  'platform',
  'internal',
  'import',
  'text',
  'required',
  'too_long',
  'too_short',
  'invalid_type',
  'unknown_field',
  'invalid_value',
  'invalid_format',
  'too_small',
  'too_big',
  'date',
  'amount',
  'file',
  'header',
  'name',
  'phone',
  'region',
  'path',
  'idempotency',
] as const;

export const commonErrors = defineMessages(PREFIXES, {
  'record.version_conflict': {
    zh: '该记录已被他人修改或已进入下一环节，请刷新后重试',
    en: 'Someone changed this record or moved it on since you read it; reload and try again',
  },
  'idempotency.key_invalid': {
    zh: 'Idempotency-Key 应为 1–200 个可见字符',
    en: 'Idempotency-Key must be 1 to 200 visible characters',
  },
  'idempotency.key_reused': {
    zh: '该 Idempotency-Key 已用于另一个不同的请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  'idempotency.in_progress': {
    zh: '同一请求正在处理中，请稍后重试',
    en: 'The same request is still being processed; try again shortly',
  },
  'validation.failed': { zh: '提交的数据不符合要求', en: 'The submitted data is not valid' },
  'request.malformed': { zh: '请求格式错误，无法解析', en: 'The request could not be parsed' },
  'request.too_large': {
    zh: '请求或上传文件过大',
    en: 'The request or uploaded file is too large',
  },
  'request.unsupported_media': { zh: '不支持的内容类型', en: 'Unsupported content type' },
  'route.not_found': { zh: '请求的地址不存在', en: 'No such address' },
  'method.not_allowed': { zh: '不允许使用该请求方法', en: 'Method not allowed' },
  'csrf.failed': {
    zh: '请求来源校验失败，请刷新页面后重试',
    en: 'Request origin check failed; reload the page and try again',
  },
  'permission.denied': { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  'import.not_excel': {
    zh: '文件不是有效的 Excel（.xlsx）文件',
    en: 'The file is not a valid Excel (.xlsx) workbook',
  },
  'import.too_many_rows': { zh: '文件行数超过上限', en: 'The file has too many rows' },
  'import.zip_bomb': {
    zh: '文件解压后体积异常，已拒绝',
    en: 'The file inflates to an abnormal size and was refused',
  },
  'import.rejected': {
    zh: '导入文件存在错误，未写入任何数据',
    en: 'The file has errors; nothing was written',
  },
  'import.no_file': { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  'db.unavailable': {
    zh: '数据库暂时不可用，请稍后重试',
    en: 'The database is unavailable; try again shortly',
  },
  'db.storage_full': {
    zh: '服务器存储空间已满，本次修改未保存（已有数据不受影响，仍可查看）；请联系系统管理员',
    en: 'The server’s storage is full; this change was not saved (existing data is intact and readable). Contact the administrator',
  },
  'server.busy': { zh: '系统繁忙，请稍后重试', en: 'The system is busy; try again shortly' },
  'platform.degraded': {
    zh: '平台完整性检查未通过（防篡改保护缺失），暂停一切写入，只能查看；请联系安全管理员',
    en: 'The integrity check failed (tamper protection missing): writing is suspended, reading still works; contact the security administrator',
  },
  internal: { zh: '系统内部错误', en: 'Internal error' },
  // Uploaded files (modules/files)
  'file.not_found': { zh: '文件不存在或无权查看', en: 'No such file, or you may not see it' },
  'file.too_large': { zh: '文件超过 20 MB 上限', en: 'The file is larger than 20 MB' },
  'file.no_file': { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
});

export const commonReasons = defineMessages(PREFIXES, {
  'text.markup': {
    zh: '不得包含尖括号 < >（HTML 标记）',
    en: 'angle brackets < > (HTML markup) are not allowed',
  },
  'name.characters': {
    zh: '名称只能包含汉字、字母、数字、空格和常用标点（）·-、',
    en: 'names may hold Chinese characters, letters, digits, spaces and （）·-、 only',
  },
  'phone.format': {
    zh: '电话应为 11 位手机号或带区号的固定电话',
    en: 'a phone is an 11-digit mobile or a landline with area code',
  },
  'file.not_xlsx': { zh: '不是有效的 .xlsx 文件', en: 'not a valid .xlsx file' },
  'file.type_not_allowed': {
    zh: '文件内容不是允许的类型（PDF、PNG、JPEG、Word、Excel、PowerPoint）',
    en: 'the content is not an allowed type (PDF, PNG, JPEG, Word, Excel, PowerPoint)',
  },
  'file.not_yours': {
    zh: '文件不存在、不属于本机构或已被其他记录使用',
    en: 'the file does not exist, is not your organisation’s, or is attached elsewhere',
  },
  'file.duplicate': { zh: '同一文件重复附加', en: 'the same file is attached twice' },
  'header.mismatch': { zh: '表头应为“{expected}”', en: 'the header should be "{expected}"' },
  required: { zh: '必填', en: 'required' },
  too_long: { zh: '长度超过上限 {max}', en: 'longer than {max}' },
  too_short: { zh: '长度不足 {min}', en: 'shorter than {min}' },
  invalid_type: { zh: '类型错误', en: 'wrong type' },
  unknown_field: { zh: '不允许的字段', en: 'field not allowed' },
  invalid_value: { zh: '取值不在允许范围内', en: 'value not allowed' },
  invalid_format: { zh: '格式不正确', en: 'wrong format' },
  too_small: { zh: '数值过小', en: 'too small' },
  too_big: { zh: '数值过大', en: 'too big' },
  'region.not_corridor': {
    zh: '所属城市须为武汉、鄂州、黄石、黄冈、咸宁之一',
    en: 'city must be one of Wuhan, Ezhou, Huangshi, Huanggang, Xianning',
  },
  'region.invalid': {
    zh: '行政区划代码应为 6 位数字',
    en: 'a region code has 6 digits',
  },
  'region.not_own_city': {
    zh: '只能为本市登记机构',
    en: 'you may register organisations of your own city only',
  },
  'text.control_chars': { zh: '包含不可见控制字符', en: 'contains invisible control characters' },
  'idempotency.key_format': {
    zh: '应为 1–200 个可见 ASCII 字符（不含空格）',
    en: 'must be 1 to 200 visible ASCII characters (no spaces)',
  },
  'path.id_format': {
    zh: '编号应为正整数（十进制，不带前导零）',
    en: 'ids are positive whole numbers in decimal, without leading zeros',
  },
  'path.year_format': { zh: '年份应为四位数字', en: 'years are written with four digits' },
  'date.invalid': { zh: '日期格式应为 YYYY-MM-DD', en: 'dates are written YYYY-MM-DD' },
  'amount.invalid': { zh: '金额应为数字（万元）', en: 'an amount is a number (in 10,000 yuan)' },
  'amount.negative': { zh: '金额不能小于 0', en: 'an amount cannot be below 0' },
  'amount.too_big': {
    zh: '金额超过上限（100 亿元）',
    en: 'amount over the limit (10 billion yuan)',
  },
  'amount.decimals': {
    zh: '金额最多保留两位小数（万元）',
    en: 'at most two decimals (in 10,000 yuan)',
  },
  'date.future': { zh: '日期不能晚于今天', en: 'the date may not be later than today' },
});
