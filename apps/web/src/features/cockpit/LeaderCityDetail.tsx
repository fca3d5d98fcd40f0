import { type CityCode, PROVINCE_CODE } from '@corridor/contracts';
import { Alert, Divider, Skeleton, Table, Typography } from 'antd';
import { useContext, useMemo } from 'react';
import { errorText } from '../../app/api';
import { useMe } from '../../app/auth';
import { useCityDetail } from './api';
import { Chart } from './Chart';
import { industriesOption, registrationsOption } from './chart-options';
import { useCockpitFormat } from './format';
import { CockpitDarkContext } from './theme';

/**
 * The leaders' detail of one city: industries, monthly registrations, contract partners and
 * fields. The province sees every city; a city admin their own (the server checks the same).
 */
export function LeaderCityDetail({ city, year }: { city: CityCode; year: number }) {
  const f = useCockpitFormat();
  const { data: me } = useMe();
  const allowed = !!me && (me.regionCode === PROVINCE_CODE || me.regionCode === city);
  const query = useCityDetail(allowed ? city : null, year);
  const d = query.data;

  const dark = useContext(CockpitDarkContext);
  const industries = useMemo(() => industriesOption(d?.byIndustry ?? [], f), [d, f]);
  const registrations = useMemo(() => registrationsOption(d?.registrations ?? [], f), [d, f]);

  if (!allowed) {
    return (
      <Alert type="info" showIcon style={{ marginTop: 12 }} title={f.t('cockpit.ownCityOnly')} />
    );
  }
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  if (!d) return <Skeleton active />;
  return (
    <div data-testid="cockpit-leader-detail">
      <Divider style={{ margin: '12px 0' }}>{f.t('cockpit.leaderDetail')}</Divider>
      <Typography.Text strong>{f.t('cockpit.byIndustry')}</Typography.Text>
      <Chart
        option={industries}
        theme={dark ? 'dark' : undefined}
        style={{ height: Math.max(140, 22 * d.byIndustry.length + 30) }}
      />
      <Typography.Text strong>{f.t('cockpit.registrationsByMonth', { year })}</Typography.Text>
      <Chart option={registrations} theme={dark ? 'dark' : undefined} style={{ height: 160 }} />
      <Typography.Text strong>{f.t('cockpit.partners')}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="city"
        dataSource={d.contracts.partners}
        locale={{ emptyText: f.t('cockpit.contractsPending') }}
        columns={[
          {
            title: f.t('cockpit.partnerCity'),
            dataIndex: 'city',
            render: (c: string) => f.city(c),
          },
          {
            title: f.t('cockpit.contractsOut'),
            render: (_, p) => `${p.out.count} / ${f.wan(p.out.amountWan)}`,
          },
          {
            title: f.t('cockpit.contractsIn'),
            render: (_, p) => `${p.in.count} / ${f.wan(p.in.amountWan)}`,
          },
        ]}
      />
    </div>
  );
}
