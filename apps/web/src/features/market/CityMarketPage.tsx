import { SwapOutlined } from '@ant-design/icons';
import { isCityCode } from '@corridor/contracts';
import { Button, Card, Segmented, Space, Tabs } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { can, useMe } from '../../app/auth';
import { NotFound } from '../../app/status';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { CityDeals, CitySummary } from '../deals/CityDealsPanel';
import { CityBrokers } from './CityBrokers';
import { CityListings } from './CityListings';

const TABS = ['achievements', 'demands', 'brokers', 'deals'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, MessageKey> = {
  achievements: 'market.achievements',
  demands: 'market.demands',
  brokers: 'submarket.brokers',
  deals: 'submarket.deals',
};

/**
 * A city's technology sub-market (issue 4 item 6): its listed achievements and demands, its
 * brokers, and for officials its contracts and its yearly totals as seller and buyer.
 */
export default function CityMarketPage() {
  const t = useT();
  const labels = useLabels();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { city = '' } = useParams();
  const [params, setParams] = useSearchParams();
  if (!isCityCode(city)) return <NotFound />;
  const official = can(me, 'deals.stats');
  const tabs = TABS.filter((k) => k !== 'deals' || official);
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'achievements';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('submarket.title', { city: labels.city(city) })}
        extra={
          official && (
            <Link to="/app/deals/flows" data-testid="submarket-flows">
              <Button icon={<SwapOutlined />}>{t('submarket.flows')}</Button>
            </Link>
          )
        }
      >
        <Segmented
          data-testid="submarket-city"
          value={city}
          options={labels.cityOptions}
          // The tab is kept: comparing one city's brokers with another's is the common move.
          onChange={(c) =>
            navigate(`/app/market/cities/${c}${tab === 'achievements' ? '' : `?tab=${tab}`}`)
          }
        />
      </Card>
      {official && <CitySummary city={city} />}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'achievements' ? {} : { tab: k })}
          destroyOnHidden
          items={tabs.map((k) => ({
            key: k,
            label: <span data-testid={`submarket-tab-${k}`}>{t(TAB_LABELS[k])}</span>,
            children:
              k === 'brokers' ? (
                <CityBrokers city={city} />
              ) : k === 'deals' ? (
                <CityDeals key={city} city={city} />
              ) : (
                <CityListings key={`${city}-${k}`} city={city} kind={k} />
              ),
          }))}
        />
      </Card>
    </Space>
  );
}
