import type { CityBroker, CityCode } from '@corridor/contracts';
import { Alert, Empty, Table, Typography } from 'antd';
import { errorText } from '../../app/api';
import { useT } from '../../i18n';
import { useCityBrokers } from './submarket.api';

/** Acceptance rate over the answered introductions; none answered yet shows '—'. */
function rate(b: CityBroker): string {
  const answered = b.introductions.accepted + b.introductions.declined;
  return answered === 0 ? '—' : `${Math.round((100 * b.introductions.accepted) / answered)}%`;
}

/** The city's brokers and what came of their introductions (aggregates only). */
export function CityBrokers({ city }: { city: CityCode }) {
  const t = useT();
  const brokers = useCityBrokers(city);
  const count = (key: keyof CityBroker['introductions'], title: string) => ({
    title,
    align: 'right' as const,
    render: (_: unknown, b: CityBroker) => b.introductions[key],
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{t('submarket.broker.hint')}</Typography.Paragraph>
      {brokers.isError && <Alert type="error" showIcon title={errorText(brokers.error)} />}
      <Table<CityBroker>
        data-testid="submarket-brokers"
        rowKey="id"
        size="small"
        loading={brokers.isFetching}
        dataSource={brokers.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t('submarket.noBrokers')} /> }}
        columns={[
          {
            title: t('submarket.broker.name'),
            render: (_, b) => <span data-testid="submarket-broker">{b.displayName}</span>,
          },
          count('made', t('submarket.broker.made')),
          count('accepted', t('submarket.broker.accepted')),
          count('declined', t('submarket.broker.declined')),
          count('pending', t('submarket.broker.pending')),
          { title: t('submarket.broker.rate'), align: 'right', render: (_, b) => rate(b) },
        ]}
      />
    </>
  );
}
