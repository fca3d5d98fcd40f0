import { type CityCode, isCityCode } from '@corridor/contracts';
import { Alert, Skeleton } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { useT } from '../../i18n';
import { usePublicCockpit } from './api';
import { CockpitView } from './CockpitView';
import { beijingYear } from './format';
import { LeaderCityDetail } from './LeaderCityDetail';
import { OfficialKpisCard } from './OfficialKpisCard';
import { useCockpitTheme } from './theme';

/** /app/cockpit — the leaders' view: the public cockpit plus per-city detail and entries. */
export default function LeadersCockpitPage() {
  const t = useT();
  const { data: me } = useMe();
  const [year, setYear] = useState(beijingYear);
  // A city admin opens on their own city; the province on the whole corridor.
  const [selected, setSelected] = useState<CityCode | null>(() =>
    me && isCityCode(me.regionCode) ? me.regionCode : null,
  );
  const [chosenTheme, setTheme] = useCockpitTheme();
  const query = usePublicCockpit(year);
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return (
    <CockpitView
      data={query.data}
      year={year}
      onYear={setYear}
      selected={selected}
      onSelect={setSelected}
      drillExtra={selected ? <LeaderCityDetail city={selected} year={year} /> : null}
      footer={<OfficialKpisCard canEdit={can(me, 'cockpit.kpis.manage')} />}
      title={t('cockpit.leadersTitle')}
      theme={chosenTheme}
      onTheme={setTheme}
    />
  );
}
