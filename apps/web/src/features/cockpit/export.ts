import { liveCharts } from './Chart';

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
