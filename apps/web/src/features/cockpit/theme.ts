import { createContext, useCallback, useState } from 'react';

/**
 * The cockpit's colour theme: light (the page default) or dark (for large screens and control
 * rooms: ECharts' dark theme and antd's dark algorithm). The choice is remembered in this
 * browser; until one is made, the page is light and the large-screen mode dark.
 */
export type CockpitTheme = 'light' | 'dark';

export const COCKPIT_THEME_KEY = 'corridor.cockpit.theme';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function browserStore(): Store | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (private mode, policies): the choice lasts for this page
  }
}

/** The remembered choice, or null when none was made (or the value is not a theme). */
export function readCockpitTheme(store: Store | null = browserStore()): CockpitTheme | null {
  try {
    const v = store?.getItem(COCKPIT_THEME_KEY);
    return v === 'dark' || v === 'light' ? v : null;
  } catch {
    return null;
  }
}

export function writeCockpitTheme(theme: CockpitTheme, store: Store | null = browserStore()) {
  try {
    store?.setItem(COCKPIT_THEME_KEY, theme);
  } catch {
    // full or blocked storage: the theme still applies to this page
  }
}

/** The theme in force: the remembered choice, else light on the page and dark on the screen. */
export function effectiveTheme(chosen: CockpitTheme | null, screen: boolean): CockpitTheme {
  return chosen ?? (screen ? 'dark' : 'light');
}

/** The remembered choice and a setter that remembers it. */
export function useCockpitTheme(): [CockpitTheme | null, (theme: CockpitTheme) => void] {
  const [chosen, setChosen] = useState<CockpitTheme | null>(() => readCockpitTheme());
  const choose = useCallback((theme: CockpitTheme) => {
    writeCockpitTheme(theme);
    setChosen(theme);
  }, []);
  return [chosen, choose];
}

/** Whether the cockpit around a component is dark (provided by CockpitView). */
export const CockpitDarkContext = createContext(false);
