/** Excel export of a published edition with its score breakdown (streamed: 100k rows fit). */
import { PassThrough } from 'node:stream';
import {
  cityName,
  type Entry,
  INDUSTRIES,
  type Provenance,
  type RankingIndicator,
} from '@corridor/contracts';
import ExcelJS from 'exceljs';
import { safeCell } from '../../core/excel/cells';
import type { EditionRow } from './rankings.service';

export const MAX_EXPORT_ROWS = 100_000;

const PROVENANCE_ZH: Record<Provenance, string> = {
  official: '官方名单',
  registry: '登记信息',
  self_reported: '企业自报',
  derived: '计算得出',
  corrected: '纠错更正',
};

const industryZh = (code: string | null) =>
  code ? (INDUSTRIES.find((i) => i.code === code)?.zh ?? code) : '';

export async function buildEditionWorkbook(
  edition: EditionRow,
  indicators: RankingIndicator[],
  entries: Entry[],
  filter: { city?: string | undefined; industry?: string | undefined },
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: false,
    useSharedStrings: false,
  });

  const sheet = wb.addWorksheet('榜单');
  const columns = [
    { header: '排名', key: 'rank', width: 8 },
    { header: '统一社会信用代码', key: 'creditCode', width: 22 },
    { header: '企业名称', key: 'name', width: 34 },
    { header: '城市', key: 'city', width: 8 },
    { header: '产业', key: 'industry', width: 18 },
    { header: '总分', key: 'total', width: 10 },
    { header: '上期排名', key: 'previousRank', width: 10 },
    { header: '名次变化', key: 'movement', width: 10 },
  ];
  for (const i of indicators) {
    columns.push(
      { header: `${i.label}·原值`, key: `${i.key}.value`, width: 14 },
      { header: `${i.label}·标准化`, key: `${i.key}.normalised`, width: 12 },
      { header: `${i.label}·得分（权重${i.weight}）`, key: `${i.key}.contribution`, width: 14 },
      { header: `${i.label}·来源`, key: `${i.key}.provenance`, width: 10 },
    );
  }
  sheet.columns = columns;
  for (const e of entries) {
    const row: Record<string, string | number | null> = {
      rank: e.rank,
      creditCode: e.creditCode,
      name: safeCell(e.name),
      city: cityName(e.regionCode),
      industry: industryZh(e.industry),
      total: e.total,
      previousRank: e.previousRank,
      movement: e.movement,
    };
    for (const s of e.indicators) {
      row[`${s.key}.value`] = s.value;
      row[`${s.key}.normalised`] = s.normalised;
      row[`${s.key}.contribution`] = s.contribution;
      row[`${s.key}.provenance`] = PROVENANCE_ZH[s.provenance] ?? s.provenance;
    }
    sheet.addRow(row).commit();
  }
  sheet.commit();

  const about = wb.addWorksheet('说明与签名');
  about.columns = [
    { header: '项目', key: 'k', width: 20 },
    { header: '内容', key: 'v', width: 140 },
  ];
  const lines: [string, string | number][] = [
    ['榜单', safeCell(edition.title) as string],
    ['年度', edition.year],
    ['方法', `${edition.methodName}（${edition.methodCode} v${edition.methodVersion}）`],
    ['发布方', safeCell(edition.publisherName) as string],
    ['发布时间', edition.publishedAt ?? ''],
    [
      '导出范围',
      `${filter.city ? cityName(filter.city) : '全部城市'} · ${filter.industry ? industryZh(filter.industry) : '全部产业'}`,
    ],
    ['导出行数', entries.length],
    ['签名算法', 'SM2-SM3（GB/T 32918，用户标识 1234567812345678）'],
    ['规范化 JSON 的 SM3', edition.canonicalSm3 ?? ''],
    ['签名（r‖s）', edition.signature ?? ''],
    ['发布方公钥', edition.publicKey ?? ''],
    [
      '离线验证',
      'npm run corridor -- ranking verify <edition.json> <signature.hex> <publickey.hex>',
    ],
  ];
  for (const [k, v] of lines) about.addRow({ k, v }).commit();
  about.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
