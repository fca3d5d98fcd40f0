import { type OfficialKpiInput, OfficialKpiInputSchema } from '@corridor/contracts';
import type { DemoSeeder } from '../../core/demo/seeder';
import { enterOfficialKpi, listOfficialKpis, updateOfficialKpi } from './cockpit.service';

/**
 * The figures only officials can give the cockpit (R&D intensity, 高企 count, high-tech value
 * added, provincial platforms), entered by the demo's province admin for the last two years,
 * each with its source and statistical date, so no KPI card of the demo is empty. The values
 * are illustrative, and every entry says so in its note: a real installation replaces them
 * with the published figures. The latest R&D figure is entered from the preliminary estimate
 * and then corrected from the bulletin, so the demo shows a corrected entry (version 2) too.
 */
const NOTE = '演示数据：示例数值，非官方发布；正式上线后由省级管理员按公报录入。';

type Entry = Pick<OfficialKpiInput, 'code' | 'value' | 'source'>;
// Positional, so the entries read as a table.
const entry = (code: Entry['code'], value: number, source: string): Entry => ({
  code,
  value,
  source,
});

function entriesOf(year: number): { previous: Entry[]; latest: Entry[] } {
  const y0 = year - 1;
  const bulletin = (y: number) => `湖北省统计局《${y}年湖北省国民经济和社会发展统计公报》`;
  const rd = (y: number) => `湖北省统计局、湖北省科学技术厅《${y}年湖北省科技经费投入统计公报》`;
  const highTech = (y: number) => `湖北省科学技术厅《${y}年度高新技术企业认定名单》汇总`;
  const platforms = (y: number) => `湖北省科学技术厅《省级以上科技创新平台名录（${y}年）》`;
  return {
    previous: [
      entry('rd_gdp_ratio', 3.62, rd(y0)),
      entry('high_tech_enterprises', 14_236, highTech(y0)),
      entry('high_tech_value_added_ratio', 31.8, bulletin(y0)),
      entry('provincial_platforms', 1_386, platforms(y0)),
    ],
    latest: [
      // Preliminary first; corrected below (the demo's one corrected entry).
      entry('rd_gdp_ratio', 3.78, `湖北省统计局 ${year}年初步核算`),
      entry('high_tech_enterprises', 15_487, highTech(year)),
      entry('high_tech_value_added_ratio', 33.4, bulletin(year)),
      entry('provincial_platforms', 1_512, platforms(year)),
    ],
  };
}

export const cockpitDemoSeeder: DemoSeeder = {
  name: 'cockpit',
  async seed(demo) {
    const province = demo.account('province.admin');
    if (demo.scale === 0 || !province) return;
    const ctx = demo.as(province);
    if ((await listOfficialKpis(ctx)).items.length > 0) return;
    // The last full year in Beijing: figures of a year are published in the next.
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() - 1;
    const { previous, latest } = entriesOf(year);
    const enter = (e: Entry, y: number) =>
      enterOfficialKpi(ctx, OfficialKpiInputSchema.parse({ ...e, asOf: `${y}-12-31`, note: NOTE }));
    for (const e of previous) await enter(e, year - 1);
    for (const e of latest) {
      const entry = await enter(e, year);
      if (e.code === 'rd_gdp_ratio') {
        await updateOfficialKpi(ctx, entry.id, {
          value: 3.81,
          source: `湖北省统计局、湖北省科学技术厅《${year}年湖北省科技经费投入统计公报》`,
          version: entry.version,
        });
      }
    }
  },
};
