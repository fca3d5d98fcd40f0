import { describe, expect, it } from 'vitest';
import { COCKPIT_THEME_KEY, effectiveTheme, readCockpitTheme, writeCockpitTheme } from './theme';

/** A Storage stand-in (the unit tests run without a browser). */
function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe('the cockpit colour theme', () => {
  it('is remembered under its key and read back', () => {
    const store = memoryStore();
    expect(readCockpitTheme(store)).toBeNull();
    writeCockpitTheme('dark', store);
    expect(store.data.get(COCKPIT_THEME_KEY)).toBe('dark');
    expect(readCockpitTheme(store)).toBe('dark');
    writeCockpitTheme('light', store);
    expect(readCockpitTheme(store)).toBe('light');
  });

  it('ignores a value that is not a theme and survives a storage that throws', () => {
    expect(readCockpitTheme(memoryStore({ [COCKPIT_THEME_KEY]: 'purple' }))).toBeNull();
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(readCockpitTheme(broken)).toBeNull();
    expect(() => writeCockpitTheme('dark', broken)).not.toThrow();
    expect(readCockpitTheme(null)).toBeNull();
  });

  it('defaults to light on the page and dark on the large screen until one is chosen', () => {
    expect(effectiveTheme(null, false)).toBe('light');
    expect(effectiveTheme(null, true)).toBe('dark');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(effectiveTheme('dark', false)).toBe('dark');
  });
});
