import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  CITY_CODES,
  type CityCode,
  INDUSTRY_CODES,
  type IndustryCode,
  isCityCode,
  ORG_TYPES,
  type Org,
  type OrgType,
} from '@corridor/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorText } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { formatDate } from '../../app/format';
import { searchByLabel } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { downloadOrgExport, type OrgFilters, type OrgListQuery, useOrgs } from './api';
import { ImportModal } from './ImportModal';
import { OrgFormModal } from './OrgFormModal';

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function positive(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** Filters and paging live in the URL, so a list can be bookmarked and the back button works. */
function useListQuery() {
  const [params, setParams] = useSearchParams();
  const query: OrgListQuery = {
    city: pick<CityCode>(params.get('city'), CITY_CODES),
    type: pick<OrgType>(params.get('type'), ORG_TYPES),
    industry: pick<IndustryCode>(params.get('industry'), INDUSTRY_CODES),
    q: params.get('q')?.trim() || undefined,
    page: positive(params.get('page'), 1, 100_000),
    pageSize: positive(params.get('pageSize'), 20, 100),
  };
  const update = (patch: Partial<OrgListQuery>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === '' || value === null) next.delete(key);
        else next.set(key, String(value));
      }
      if (!('page' in patch)) next.delete('page');
      return next;
    });
  };
  return { query, update };
}

export default function OrgsPage() {
  const t = useT();
  const labels = useLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { query, update } = useListQuery();
  const [search, setSearch] = useState(query.q ?? '');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const orgs = useOrgs(query);
  const filters: OrgFilters = {
    city: query.city,
    type: query.type,
    industry: query.industry,
    q: query.q,
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadOrgExport(filters);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<Org> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      render: (name: string, org) => <Link to={`/app/orgs/${org.id}`}>{name}</Link>,
    },
    { title: t('org.creditCode'), dataIndex: 'creditCode', width: 200 },
    {
      title: t('org.type'),
      dataIndex: 'type',
      width: 130,
      render: (v: string) => labels.orgType(v),
    },
    {
      title: t('org.city'),
      dataIndex: 'regionCode',
      width: 90,
      render: (v: string) => labels.city(v),
    },
    {
      title: t('org.industry'),
      dataIndex: 'industry',
      width: 170,
      render: (v: string | null) => labels.industry(v),
    },
    {
      title: t('org.foundedOn'),
      dataIndex: 'foundedOn',
      width: 120,
      render: (v: string | null) => formatDate(v),
    },
  ];

  const defaultRegion = me && isCityCode(me.regionCode) ? me.regionCode : undefined;

  return (
    <Card
      title={can(me, 'orgs.create') ? t('menu.orgsManage') : t('menu.orgsDirectory')}
      extra={
        <Space wrap>
          {can(me, 'orgs.create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="org-create"
            >
              {t('org.create')}
            </Button>
          )}
          {can(me, 'orgs.import') && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="org-import"
            >
              {t('org.import')}
            </Button>
          )}
          {can(me, 'orgs.export') && (
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={exportExcel}
              data-testid="org-export"
            >
              {t('org.export')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          showSearch={searchByLabel}
          id="orgs-filter-city"
          data-testid="org-filter-city"
          allowClear
          style={{ width: 140 }}
          placeholder={t('org.city')}
          options={labels.cityOptions}
          value={query.city}
          onChange={(city?: CityCode) => update({ city })}
        />
        <Select
          showSearch={searchByLabel}
          id="orgs-filter-type"
          data-testid="org-filter-type"
          allowClear
          style={{ width: 160 }}
          placeholder={t('org.type')}
          options={labels.orgTypeOptions}
          value={query.type}
          onChange={(type?: OrgType) => update({ type })}
        />
        <Select
          showSearch={searchByLabel}
          id="orgs-filter-industry"
          data-testid="org-filter-industry"
          allowClear
          style={{ width: 200 }}
          placeholder={t('org.industry')}
          options={labels.industryOptions}
          value={query.industry}
          onChange={(industry?: IndustryCode) => update({ industry })}
        />
        <Input.Search
          id="orgs-filter-q"
          data-testid="org-search"
          allowClear
          style={{ width: 300 }}
          placeholder={t('org.searchPlaceholder')}
          value={search}
          maxLength={50}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          enterButton
        />
      </Space>
      {orgs.isError && (
        <Alert type="error" showIcon title={errorText(orgs.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="org-table">
        <Table<Org>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={orgs.data?.items ?? []}
          loading={orgs.isFetching}
          scroll={{ x: 900 }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: orgs.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
          }}
          onChange={(p) => update({ page: p.current ?? 1, pageSize: p.pageSize ?? query.pageSize })}
        />
      </div>
      {creating && (
        <OrgFormModal
          defaultRegion={defaultRegion}
          onClose={() => setCreating(false)}
          onSaved={(org) => {
            setCreating(false);
            // The message renders outside the router: open the new organisation via navigate.
            void message.success(
              <Typography.Link
                onClick={() => navigate(`/app/orgs/${org.id}`)}
                data-testid="org-created-link"
              >
                {t('org.created', { name: org.name })}
              </Typography.Link>,
            );
          }}
        />
      )}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </Card>
  );
}
