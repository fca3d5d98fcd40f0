import type { Correction, Edition, InputRow, RankingMethod } from '@corridor/contracts';
import { Alert, Button, Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { type RowQuery, useCorrections, useInputs } from './api';
import { rankingValueText } from './format';

const READERS = ['ranking_publisher', 'province_admin', 'city_admin', 'enterprise'];
const CORRECTION_COLOR = { pending: 'orange', accepted: 'green', rejected: 'red' } as const;

import { type Claim, ClaimModal, DecideModal } from './CorrectionModals';

/** Before publication: the frozen inputs, the claims and the decisions, as each role may see them. */
export function WindowPanel({ edition, method }: { edition: Edition; method?: RankingMethod }) {
  const t = useT();
  const labels = useLabels();
  const { data: me } = useMe();
  const readable = !!me && me.roles.some((r) => READERS.includes(r));
  const [query, setQuery] = useState<RowQuery>({ page: 1, pageSize: 20 });
  const inputs = useInputs(edition.id, query, readable);
  const corrections = useCorrections(edition.id, readable);
  const [claim, setClaim] = useState<Claim | null>(null);
  const [deciding, setDeciding] = useState<{ c: Correction; d: 'accept' | 'reject' } | null>(null);
  if (!readable) return null;
  const label = (key: string) => method?.indicators.find((i) => i.key === key)?.label ?? key;
  const keys = method?.indicators.map((i) => i.key) ?? [];

  const inputColumns: TableColumnsType<InputRow> = [
    { title: t('ranking.enterprise'), dataIndex: 'name' },
    {
      title: t('org.city'),
      dataIndex: 'regionCode',
      width: 80,
      render: (v: string) => labels.city(v),
    },
    ...keys.map((key) => ({
      title: label(key),
      key,
      render: (_: unknown, r: InputRow) => {
        const v = r.values.find((x) => x.key === key);
        return (
          <Space size={4}>
            <span>{rankingValueText(key, v?.value ?? null, labels.locale)}</span>
            {v?.provenance === 'corrected' && (
              <Tag color="green">{t('ranking.provenance.corrected')}</Tag>
            )}
            {edition.abilities.fileCorrection && (
              <Button
                size="small"
                type="link"
                onClick={() => setClaim({ field: key, label: label(key), value: v?.value ?? null })}
                data-testid={`claim-${key}`}
              >
                {t('ranking.fileClaim')}
              </Button>
            )}
          </Space>
        );
      },
    })),
  ];

  const correctionColumns: TableColumnsType<Correction> = [
    { title: t('ranking.enterprise'), dataIndex: 'orgName' },
    { title: t('ranking.indicator'), dataIndex: 'field', render: (k: string) => label(k) },
    {
      title: t('ranking.previousValue'),
      dataIndex: 'previousValue',
      render: (v: number | null, c) => rankingValueText(c.field, v, labels.locale),
    },
    {
      title: t('ranking.claimedValue'),
      dataIndex: 'claimedValue',
      render: (v: number, c) => rankingValueText(c.field, v, labels.locale),
    },
    { title: t('ranking.reason'), dataIndex: 'reason' },
    { title: t('ranking.filedAt'), dataIndex: 'filedAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('ranking.decision'),
      key: 'decision',
      render: (_, c) =>
        c.status === 'pending' && edition.abilities.decideCorrections ? (
          <Space>
            <Button
              size="small"
              type="primary"
              onClick={() => setDeciding({ c, d: 'accept' })}
              data-testid="correction-accept"
            >
              {t('ranking.accept')}
            </Button>
            <Button
              size="small"
              danger
              onClick={() => setDeciding({ c, d: 'reject' })}
              data-testid="correction-reject"
            >
              {t('ranking.reject')}
            </Button>
          </Space>
        ) : (
          <Space direction="vertical" size={0}>
            <Tag color={CORRECTION_COLOR[c.status]}>
              {t(`ranking.correction.${c.status}` as MessageKey)}
            </Tag>
            {c.decisionReason && <span>{c.decisionReason}</span>}
          </Space>
        ),
    },
  ];

  return (
    <>
      <Card title={t('ranking.inputs')} style={{ marginTop: 16 }}>
        <Alert type="info" showIcon title={t('ranking.inputsHint')} style={{ marginBottom: 16 }} />
        <Table<InputRow>
          rowKey="orgId"
          size="small"
          loading={inputs.isFetching}
          columns={inputColumns}
          dataSource={inputs.data?.items ?? []}
          data-testid="ranking-inputs"
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: inputs.data?.total ?? 0,
            onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
          }}
        />
      </Card>
      <Card title={t('ranking.corrections')} style={{ marginTop: 16 }}>
        <Table<Correction>
          rowKey="id"
          size="small"
          loading={corrections.isFetching}
          columns={correctionColumns}
          dataSource={corrections.data?.items ?? []}
          data-testid="ranking-corrections"
          pagination={false}
        />
      </Card>
      {claim && <ClaimModal edition={edition} claim={claim} onClose={() => setClaim(null)} />}
      {deciding && (
        <DecideModal
          correction={deciding.c}
          label={label(deciding.c.field)}
          decision={deciding.d}
          onClose={() => setDeciding(null)}
        />
      )}
    </>
  );
}
