import { CITIES, type DealQuery, techFieldLabel } from '@corridor/contracts';
import { writeAuditAlone } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { buildWorkbook } from '../../core/excel/workbook';
import { listScope } from './deals.policy';
import * as repo from './deals.repo';
import { presentDeal } from './deals.service';

/** More than a city registers in years; past it, narrow by status or city. */
const MAX_EXPORT_ROWS = 10_000;

const TYPE_ZH = {
  development: '技术开发',
  transfer: '技术转让',
  licence: '技术许可',
  consulting: '技术咨询',
  service: '技术服务',
} as const;
const STATUS_ZH = {
  draft: '待双方确认',
  signed: '已签订',
  registered: '已登记',
  refused: '已拒签',
} as const;
const cityZh = (code: string) => CITIES.find((c) => c.code === code)?.zh ?? code;

/** The columns of the 技术合同登记表 (reference §4.3) officials keep, one contract per row. */
const COLUMNS = [
  { key: 'registrationNo', header: '合同登记编号', width: 20 },
  { key: 'projectName', header: '项目名称', width: 36 },
  { key: 'type', header: '合同类型', width: 10 },
  { key: 'sellerName', header: '卖方名称', width: 30 },
  { key: 'sellerCode', header: '卖方统一社会信用代码', width: 22 },
  { key: 'sellerNature', header: '卖方性质', width: 9 },
  { key: 'sellerRegion', header: '卖方所在地', width: 10 },
  { key: 'buyerName', header: '买方名称', width: 30 },
  { key: 'buyerCode', header: '买方统一社会信用代码', width: 22 },
  { key: 'buyerNature', header: '买方性质', width: 9 },
  { key: 'buyerRegion', header: '买方所在地', width: 10 },
  { key: 'total', header: '成交金额（万元）', width: 14 },
  { key: 'tech', header: '技术交易额（万元）', width: 16 },
  { key: 'field', header: '技术领域', width: 18 },
  { key: 'signedOn', header: '签订日期', width: 12 },
  { key: 'validFrom', header: '有效期起', width: 12 },
  { key: 'validTo', header: '有效期止', width: 12 },
  { key: 'investment', header: '预计新增投入（万元）', width: 16 },
  { key: 'output', header: '预计新增产值（万元）', width: 16 },
  { key: 'status', header: '状态', width: 8 },
  { key: 'registeredOn', header: '登记日期', width: 12 },
];

/** The contracts the caller may list (same scope and filters as GET /deals), as a workbook. */
export async function exportDeals(
  ctx: Ctx,
  q: Pick<DealQuery, 'status' | 'city'>,
): Promise<Buffer> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('permission.denied');
  const { rows } = await repo.listDeals(
    ctx.deps.db,
    listScope(actor),
    { status: q.status, city: q.city },
    1,
    MAX_EXPORT_ROWS,
  );
  const out = rows.map((r) => {
    const d = presentDeal(ctx, r);
    return [
      d.registration?.registrationNo ?? '',
      d.projectName,
      TYPE_ZH[d.type],
      d.seller.name,
      d.seller.creditCode,
      d.seller.natureCode,
      cityZh(d.seller.regionCode),
      d.buyer.name,
      d.buyer.creditCode,
      d.buyer.natureCode,
      cityZh(d.buyer.regionCode),
      d.totalAmountWan,
      d.techAmountWan,
      techFieldLabel(d.field, 'zh-CN') ?? d.field,
      d.signedOn,
      d.validFrom,
      d.validTo,
      d.expectedNewInvestmentWan,
      d.expectedNewOutputWan,
      STATUS_ZH[d.status],
      d.registration?.registeredAt.slice(0, 10) ?? '',
    ];
  });
  const buffer = await buildWorkbook('技术合同', COLUMNS, out);
  await writeAuditAlone(ctx, {
    action: 'deal.export',
    objectType: 'deal',
    ...(q.city ? { regionCode: q.city } : {}),
    detail: { status: q.status ?? null, city: q.city ?? null, rows: out.length },
  });
  return buffer;
}
