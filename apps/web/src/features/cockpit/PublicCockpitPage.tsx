import type { CityCode } from '@corridor/contracts';
import { Alert, ConfigProvider, Layout, Skeleton, theme } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { useT } from '../../i18n';
import { usePublicCockpit } from './api';
import { CockpitView, DARK_BACKGROUND } from './CockpitView';
import { beijingYear } from './format';
import { effectiveTheme, useCockpitTheme } from './theme';

/** /cockpit — the public's view of the corridor: no sign-in, aggregates only. */
export default function PublicCockpitPage() {
  const t = useT();
  const [year, setYear] = useState(beijingYear);
  const [selected, setSelected] = useState<CityCode | null>(null);
  const [chosenTheme, setTheme] = useCockpitTheme();
  const query = usePublicCockpit(year);
  // The page around the cockpit follows its theme (the large screen covers it anyway).
  const dark = effectiveTheme(chosenTheme, false) === 'dark';
  return (
    <ConfigProvider theme={dark ? { algorithm: theme.darkAlgorithm } : undefined}>
      <Layout
        style={{
          minHeight: '100vh',
          ...(dark ? { background: DARK_BACKGROUND.surround } : {}),
        }}
      >
        <Layout.Content
          style={{ padding: '20px 24px', maxWidth: 1600, margin: '0 auto', width: '100%' }}
        >
          {query.isError && (
            <Alert
              type="warning"
              showIcon
              title={t('cockpit.unavailable')}
              description={errorText(query.error)}
            />
          )}
          {query.data ? (
            <CockpitView
              data={query.data}
              year={year}
              onYear={setYear}
              selected={selected}
              onSelect={setSelected}
              homeLink
              title={t('cockpit.title')}
              theme={chosenTheme}
              onTheme={setTheme}
            />
          ) : (
            !query.isError && <Skeleton active paragraph={{ rows: 12 }} />
          )}
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
