import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { isCityCode } from '@corridor/contracts';
import { Button, Card, Descriptions, type DescriptionsProps, Space, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { formatDate, formatDateTime } from '../../app/format';
import { PageLoading, RecordGate } from '../../app/status';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useOrg } from './api';
import { issuedPlace } from './issuedPlace';
import { OrgFormModal } from './OrgFormModal';

// Ladder, yearly indicators and certificates (issue 3): its own chunk, enterprises only.
const EnterpriseCultivation = lazy(() => import('../indicators/EnterpriseCultivation'));

export default function OrgDetailPage() {
  const t = useT();
  const labels = useLabels();
  const { data: me } = useMe();
  const id = Number(useParams().id);
  const { data: org, ...query } = useOrg(id);
  const [editing, setEditing] = useState(false);

  const back = (
    <Link to="/app/orgs" data-testid="org-back">
      <Button icon={<ArrowLeftOutlined />}>{t('org.backToList')}</Button>
    </Link>
  );

  if (!org) return <RecordGate id={id} query={query} back={back} notFound={t('org.notFound')} />;

  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('org.name'), children: org.name, span: 2 },
    {
      key: 'creditCode',
      label: t('org.creditCode'),
      children: (
        <Space size={4} wrap>
          {org.creditCode}
          {org.creditCodeIssuedIn && (
            <Tag color="orange" data-testid="org-issued-elsewhere-tag">
              {t('org.issuedElsewhereTag', {
                place: issuedPlace(org.creditCodeIssuedIn, labels.locale, t),
              })}
            </Tag>
          )}
        </Space>
      ),
    },
    { key: 'type', label: t('org.type'), children: labels.orgType(org.type) },
    { key: 'city', label: t('org.city'), children: labels.city(org.regionCode) },
    { key: 'industry', label: t('org.industry'), children: labels.industry(org.industry) },
    { key: 'foundedOn', label: t('org.foundedOn'), children: formatDate(org.foundedOn) },
    { key: 'contactName', label: t('org.contactName'), children: org.contactName ?? '—' },
    { key: 'contactPhone', label: t('org.contactPhone'), children: org.contactPhone ?? '—' },
    { key: 'address', label: t('org.address'), children: org.address ?? '—', span: 2 },
    {
      key: 'description',
      label: t('org.description'),
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{org.description ?? '—'}</span>,
      span: 2,
    },
    { key: 'createdAt', label: t('org.createdAt'), children: formatDateTime(org.createdAt) },
    { key: 'updatedAt', label: t('org.updatedAt'), children: formatDateTime(org.updatedAt) },
    { key: 'version', label: t('org.version'), children: org.version },
  ];

  return (
    <Card
      title={org.name}
      extra={
        <Space>
          {back}
          {org.abilities.update && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="org-edit"
            >
              {t('common.edit')}
            </Button>
          )}
        </Space>
      }
    >
      <div data-testid="org-detail">
        <Descriptions bordered column={{ xs: 1, md: 2 }} items={items} />
      </div>
      {editing && (
        <OrgFormModal
          org={org}
          defaultRegion={me && isCityCode(me.regionCode) ? me.regionCode : undefined}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {org.type === 'enterprise' && (
        <Suspense fallback={<PageLoading />}>
          <EnterpriseCultivation orgId={org.id} />
        </Suspense>
      )}
    </Card>
  );
}
