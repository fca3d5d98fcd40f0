import type { CityCode, PublicCockpit } from '@corridor/contracts';
import { formatDateTime } from '../../app/format';
import { liveCharts } from './Chart';
import type { CockpitFormat } from './cockpit-format';

const SCALE = 2;
const HEADER = 96;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('chart image failed to load'));
    img.src = src;
  });
}

/**
 * Draws the current view into one PNG and downloads it: a header (title, time, key figures)
 * and every chart inside `root` at its place on screen, each rendered by ECharts itself
 * (getDataURL), so the image is sharp whatever the screen's zoom.
 */
export async function exportViewAsPng(
  root: HTMLElement,
  opts: { title: string; lines: string[]; dark: boolean; fileName: string },
): Promise<void> {
  const box = root.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * SCALE);
  canvas.height = Math.ceil((box.height + HEADER) * SCALE);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('canvas unavailable');
  g.scale(SCALE, SCALE);
  g.fillStyle = opts.dark ? '#0b1a33' : '#ffffff';
  g.fillRect(0, 0, box.width, box.height + HEADER);
  g.fillStyle = opts.dark ? '#e6f4ff' : '#1f1f1f';
  g.font = '600 22px "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif';
  g.fillText(opts.title, 16, 32);
  g.font = '14px "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif';
  opts.lines.slice(0, 3).forEach((line, i) => {
    g.fillText(line, 16, 56 + i * 18, box.width - 32);
  });
  for (const chart of liveCharts) {
    const dom = chart.getDom();
    if (!root.contains(dom)) continue;
    const r = dom.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const img = await loadImage(
      chart.getDataURL({ type: 'png', pixelRatio: SCALE, backgroundColor: 'transparent' }),
    );
    g.drawImage(img, r.left - box.left, r.top - box.top + HEADER, r.width, r.height);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('PNG encoding failed');
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = opts.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The cockpit's view as a PNG: its title, the time, the KPI line and the selected city's line. */
export async function exportCockpitPng(
  root: HTMLElement,
  data: PublicCockpit,
  f: CockpitFormat,
  view: { title: string; year: number; selected: CityCode | null; dark: boolean },
): Promise<void> {
  const { title, year, selected, dark } = view;
  const kpiLine = data.kpis
    .map((k) => {
      const v = k.official?.value ?? (k.platform?.comparable ? k.platform.value : null);
      return `${f.kpi(k.code)} ${v === null ? '—' : f.value(k.unit, v)}`;
    })
    .join('  ·  ');
  const city = selected ? data.cities.find((c) => c.code === selected) : undefined;
  const cityLine = city
    ? `${f.labels.city(city.code)} · ${f.t('cockpit.orgs')} ${f.num(city.orgs)} · ${f.t('cockpit.contractsOut')} ${f.num(city.contractsOut.count)} · ${f.t('cockpit.contractsIn')} ${f.num(city.contractsIn.count)}`
    : '';
  await exportViewAsPng(root, {
    title: `${title} · ${year}${selected ? ` · ${f.labels.city(selected)}` : ''}`,
    lines: [
      f.t('cockpit.generatedAt', { time: formatDateTime(data.generatedAt) }),
      kpiLine,
      cityLine,
    ],
    dark,
    fileName: `cockpit-${year}${selected ? `-${selected}` : ''}.png`,
  });
}
