import { HomeOutlined } from '@ant-design/icons';
import type { OpenCall, ShowcaseItem } from '@corridor/contracts';
import {
  Alert,
  Button,
  Card,
  Drawer,
  Layout,
  List,
  Select,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../app/api';
import { formatDate } from '../../app/format';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useOpenCalls, useShowcase } from './api';
import { useMarketLabels } from './labels';

/** Public page (no sign-in): featured achievements and open calls of the corridor. */
export default function ShowcasePage() {
  const t = useT();
  const labels = useLabels();
  const m = useMarketLabels();
  const [tab, setTab] = useState<'achievements' | 'calls'>('achievements');
  const [field, setField] = useState<string | undefined>();
  const [city, setCity] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<ShowcaseItem | null>(null);
  const query = { field, city, page, pageSize: 12 };
  const showcase = useShowcase(query);
  const calls = useOpenCalls(query);
  const current = tab === 'achievements' ? showcase : calls;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          {t('market.showcaseTitle')}
        </Typography.Text>
        <Space>
          <LanguageSwitch />
          <Link to="/">
            <Button icon={<HomeOutlined />}>{t('menu.home')}</Button>
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, margin: '0 auto', width: '100%' }}>
        <Typography.Paragraph>{t('market.showcaseIntro')}</Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as 'achievements' | 'calls');
            setPage(1);
          }}
          items={[
            { key: 'achievements', label: t('market.showcaseAchievements') },
            { key: 'calls', label: t('market.showcaseCalls') },
          ]}
        />
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('market.facet.field')}
            options={m.fieldOptions}
            value={field}
            onChange={(v?: string) => {
              setField(v);
              setPage(1);
            }}
          />
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('market.facet.city')}
            options={labels.cityOptions}
            value={city}
            onChange={(v?: string) => {
              setCity(v);
              setPage(1);
            }}
          />
        </Space>
        {current.isError && <Alert type="error" showIcon title={errorText(current.error)} />}
        <List<ShowcaseItem | OpenCall>
          grid={{ gutter: 16, column: 3, xs: 1, sm: 1, md: 2 }}
          loading={current.isFetching}
          dataSource={(current.data?.items ?? []) as (ShowcaseItem | OpenCall)[]}
          pagination={{
            current: page,
            pageSize: 12,
            total: current.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          renderItem={(item) => (
            <List.Item>
              <Card
                size="small"
                hoverable={'abstract' in item}
                title={item.title}
                onClick={() => ('abstract' in item ? setOpen(item) : undefined)}
                data-testid="showcase-card"
              >
                <Typography.Paragraph ellipsis={{ rows: 3 }} type="secondary">
                  {'abstract' in item ? item.abstract : item.description}
                </Typography.Paragraph>
                <Space wrap size={[4, 4]}>
                  <Tag>{labels.city(item.regionCode)}</Tag>
                  <Tag color="blue">{m.field(item.field)}</Tag>
                  {'trl' in item && <Tag color="geekblue">TRL {item.trl}</Tag>}
                  <Tag color="orange">
                    {m.price('priceWan' in item ? item.priceWan : item.budgetWan)}
                  </Tag>
                  {'deadline' in item && (
                    <Tag>
                      {t('market.deadline')} {item.deadline}
                    </Tag>
                  )}
                </Space>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {item.orgName} · {formatDate(item.publishedAt)}
                </Typography.Paragraph>
              </Card>
            </List.Item>
          )}
        />
        <Drawer open={!!open} width={560} title={open?.title} onClose={() => setOpen(null)}>
          {open && (
            <Space orientation="vertical">
              <Typography.Text strong>{open.orgName}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                {open.abstract}
              </Typography.Paragraph>
              <Typography.Text>
                {m.field(open.field)} · TRL {open.trl} · {m.stage(open.stage)} ·{' '}
                {m.price(open.priceWan)}
              </Typography.Text>
              <Typography.Text>
                {open.transferModes.map((x) => m.mode(x)).join('、')}
              </Typography.Text>
              <Space wrap>
                {open.keywords.map((k) => (
                  <Tag key={k}>{k}</Tag>
                ))}
              </Space>
              <Link to="/login">
                <Button type="primary">{t('market.showcaseContact')}</Button>
              </Link>
            </Space>
          )}
        </Drawer>
      </Layout.Content>
    </Layout>
  );
}
