import { Alert, Card, Tabs } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../../app/api';
import { PageLoading } from '../../app/status';
import { useT } from '../../i18n';
import { useIndicatorYears } from './api';
import { CertificatesPanel } from './CertificatesPanel';
import { IndicatorsPanel } from './IndicatorsPanel';
import { TierLadder } from './TierLadder';

/**
 * The cultivation section of an enterprise's profile: the tier ladder, the yearly indicators
 * and the certificates held. Shown only to those the server lets read them (403 → nothing).
 */
export default function EnterpriseCultivation({ orgId }: { orgId: number }) {
  const t = useT();
  const { data, isPending, isError, error } = useIndicatorYears(orgId);
  const [year, setYear] = useState<number | undefined>(undefined);

  if (isError && error instanceof ApiError && (error.status === 403 || error.status === 404))
    return null;
  return (
    <Card title={t('ind.section')} style={{ marginTop: 24 }} data-testid="enterprise-cultivation">
      {isError ? (
        <Alert type="error" showIcon title={errorText(error)} />
      ) : isPending ? (
        <PageLoading />
      ) : (
        <Tabs
          items={[
            {
              key: 'ladder',
              label: t('ind.tab.ladder'),
              children: (
                <TierLadder
                  orgId={orgId}
                  year={year}
                  years={data.years.map((y) => y.year)}
                  onYear={setYear}
                />
              ),
            },
            {
              key: 'indicators',
              label: t('ind.tab.indicators'),
              children: <IndicatorsPanel orgId={orgId} list={data} />,
            },
            {
              key: 'certificates',
              label: t('ind.tab.certificates'),
              children: <CertificatesPanel orgId={orgId} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
