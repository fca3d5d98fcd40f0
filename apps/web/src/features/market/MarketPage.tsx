import { AppstoreOutlined, EnvironmentOutlined } from '@ant-design/icons';
import {
  CITY_CODES,
  type Facets,
  FIELD_CODES,
  PRICE_BAND_CODES,
  SEARCH_SORTS,
  type SearchHit,
  TRANSFER_MODE_CODES,
} from '@corridor/contracts';
import {
  Alert,
  Button,
  Card,
  Empty,
  Input,
  List,
  Pagination,
  Select,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { QueryParams } from '../../app/api';
import { errorText } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { formatDate } from '../../app/format';
import { HowToVerify } from '../../app/HowToVerify';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { type MarketKind, useMarketSearch } from './api';
import { homeCity } from './cities';
import { Highlight } from './Highlight';
import { useMarketLabels } from './labels';

const pick = (v: string | null, allowed: readonly string[]) =>
  v && allowed.includes(v) ? v : undefined;
const int = (v: string | null, min: number, max: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** Search state lives in the URL: bookmarkable, and the back button works. */
function useSearchState() {
  const [params, setParams] = useSearchParams();
  const kind: MarketKind = params.get('kind') === 'demands' ? 'demands' : 'achievements';
  const query: QueryParams = {
    q: params.get('q')?.trim() || undefined,
    city: pick(params.get('city'), CITY_CODES),
    field: pick(params.get('field'), FIELD_CODES),
    trlMin: kind === 'achievements' ? int(params.get('trlMin'), 1, 9) : undefined,
    trlMax: kind === 'achievements' ? int(params.get('trlMax'), 1, 9) : undefined,
    mode: kind === 'achievements' ? pick(params.get('mode'), TRANSFER_MODE_CODES) : undefined,
    band: pick(params.get('band'), PRICE_BAND_CODES),
    sort: pick(params.get('sort'), SEARCH_SORTS) ?? 'relevance',
    page: int(params.get('page'), 1, 10_000) ?? 1,
    pageSize: 20,
  };
  const update = (patch: Record<string, string | number | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      if (!('page' in patch)) next.delete('page');
      return next;
    });
  return { kind, query, update };
}

function withCounts(
  options: { value: string; label: string }[],
  facet: Facets[keyof Facets] | undefined,
) {
  const counts = new Map((facet ?? []).map((f) => [f.value, f.count]));
  return options.map((o) => ({ ...o, label: `${o.label} (${counts.get(o.value) ?? 0})` }));
}

function Hit({ hit, kind }: { hit: SearchHit; kind: MarketKind }) {
  const t = useT();
  const labels = useLabels();
  const m = useMarketLabels();
  return (
    <List.Item data-testid="market-hit">
      <List.Item.Meta
        title={
          <Link to={`/app/market/${kind}/${hit.id}`}>
            <Highlight fragments={hit.highlight.title} />
          </Link>
        }
        description={
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              <Highlight fragments={hit.highlight.snippet} />
            </Typography.Text>
            <Space wrap size={[4, 4]}>
              <Tag>{labels.city(hit.regionCode)}</Tag>
              <Tag color="blue">{m.field(hit.field)}</Tag>
              {hit.trl !== null && (
                <Tag color="geekblue">{t('market.trlValue', { n: hit.trl })}</Tag>
              )}
              {hit.transferModes.map((mode) => (
                <Tag key={mode} color="green">
                  {m.mode(mode)}
                </Tag>
              ))}
              <Tag color="orange">{m.price(hit.priceWan)}</Tag>
              {hit.status !== 'published' && <Tag>{m.status(hit.status)}</Tag>}
              <Typography.Text type="secondary">
                {hit.org.name} · {formatDate(hit.publishedAt)}
                {hit.deadline ? ` · ${t('market.deadline')} ${hit.deadline}` : ''}
              </Typography.Text>
            </Space>
          </Space>
        }
      />
    </List.Item>
  );
}

export default function MarketPage() {
  const t = useT();
  const labels = useLabels();
  const m = useMarketLabels();
  const { data: me } = useMe();
  const { kind, query, update } = useSearchState();
  const [text, setText] = useState(String(query.q ?? ''));
  const search = useMarketSearch(kind, query);
  const facets = search.data?.facets;
  const trlOptions = withCounts(
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ value: String(n), label: `TRL ${n}` })),
    facets?.trl,
  );

  return (
    <Card
      title={t('menu.market')}
      extra={
        <Space>
          {/* The city filtered on, else the user's own city: its sub-market page. */}
          <Link
            to={`/app/market/cities/${(query.city as string | undefined) ?? homeCity(me?.regionCode)}`}
            data-testid="market-submarket"
          >
            <Button icon={<EnvironmentOutlined />}>{t('submarket.entry')}</Button>
          </Link>
          {(can(me, 'market.own') || can(me, 'market.curate')) && (
            <Link to="/app/market/work">
              <Button icon={<AppstoreOutlined />}>{t('menu.marketWork')}</Button>
            </Link>
          )}
        </Space>
      }
    >
      <Tabs
        activeKey={kind}
        onChange={(k) => update({ kind: k, trlMin: undefined, trlMax: undefined, mode: undefined })}
        items={[
          { key: 'achievements', label: t('market.achievements') },
          { key: 'demands', label: t('market.demands') },
        ]}
      />
      <Input.Search
        data-testid="market-search"
        allowClear
        enterButton
        size="large"
        maxLength={100}
        placeholder={t('market.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(q) => update({ q: q.trim() || undefined })}
        style={{ marginBottom: 12 }}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('market.facet.city')}
          value={query.city as string | undefined}
          options={withCounts(labels.cityOptions, facets?.city)}
          onChange={(v?: string) => update({ city: v })}
        />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('market.facet.field')}
          value={query.field as string | undefined}
          options={withCounts(m.fieldOptions, facets?.field)}
          onChange={(v?: string) => update({ field: v })}
        />
        {kind === 'achievements' && (
          <>
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('market.facet.trlMin')}
              value={query.trlMin !== undefined ? String(query.trlMin) : undefined}
              options={trlOptions}
              onChange={(v?: string) => update({ trlMin: v })}
            />
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('market.facet.trlMax')}
              value={query.trlMax !== undefined ? String(query.trlMax) : undefined}
              options={trlOptions}
              onChange={(v?: string) => update({ trlMax: v })}
            />
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('market.facet.mode')}
              value={query.mode as string | undefined}
              options={withCounts(m.modeOptions, facets?.mode)}
              onChange={(v?: string) => update({ mode: v })}
            />
          </>
        )}
        <Select
          allowClear
          style={{ width: 190 }}
          placeholder={t('market.facet.band')}
          value={query.band as string | undefined}
          options={withCounts(m.bandOptions, facets?.band)}
          onChange={(v?: string) => update({ band: v })}
        />
        <Select
          style={{ width: 150 }}
          value={query.sort as string}
          options={SEARCH_SORTS.map((s) => ({
            value: s,
            label: t(`market.sort.${s}` as MessageKey),
          }))}
          onChange={(v: string) => update({ sort: v })}
        />
      </Space>
      {search.isError && (
        <Alert type="error" showIcon title={errorText(search.error)} style={{ marginBottom: 12 }} />
      )}
      {search.data && (
        <Typography.Paragraph type="secondary" data-testid="market-summary">
          {t('market.total', { total: search.data.total })}
          {search.data.terms.length > 0 &&
            ` · ${t('market.terms', { terms: search.data.terms.join(' ') })}`}
        </Typography.Paragraph>
      )}
      {search.data?.capped && (
        <Alert
          type="info"
          showIcon
          title={t('market.capped', { total: search.data.total })}
          style={{ marginBottom: 12 }}
        />
      )}
      <List
        loading={search.isFetching}
        dataSource={search.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('market.noResults')} /> }}
        renderItem={(hit) => <Hit hit={hit} kind={kind} />}
      />
      <Pagination
        style={{ marginTop: 16, textAlign: 'right' }}
        current={Number(query.page)}
        pageSize={20}
        total={search.data?.total ?? 0}
        showSizeChanger={false}
        onChange={(page) => update({ page })}
      />
      {search.data && (
        <HowToVerify testId="market-how-to-verify" style={{ marginTop: 8 }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('market.tookMs', { ms: search.data.tookMs })}
          </Typography.Paragraph>
        </HowToVerify>
      )}
    </Card>
  );
}
