import { pinyin } from 'pinyin-pro';

/** Initials ("whgykj") and full pinyin ("wuhanguangyao…") of a name, for search by pinyin. */
export function pinyinKeys(name: string): { initials: string; full: string } {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const initials = pinyin(name, {
    pattern: 'first',
    toneType: 'none',
    separator: '',
    nonZh: 'consecutive',
  });
  const full = pinyin(name, { toneType: 'none', separator: '', nonZh: 'consecutive' });
  return { initials: clean(initials).slice(0, 80), full: clean(full).slice(0, 400) };
}
