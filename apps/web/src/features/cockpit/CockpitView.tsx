import {
  CameraOutlined,
  FullscreenExitOutlined,
  FullscreenOutlined,
  HomeOutlined,
} from '@ant-design/icons';
import type { CityCode, PublicCockpit } from '@corridor/contracts';
import { App, Button, Col, ConfigProvider, Row, Select, Space, Typography, theme } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { CityPanel } from './CityPanel';
import {
  ContractsByMonthChart,
  FlowMatrixChart,
  OrgsByCityChart,
  TierLadderChart,
  TopFieldsChart,
} from './CockpitCharts';
import { CorridorMap } from './CorridorMap';
import { exportViewAsPng } from './export';
import { beijingYear, useCockpitFormat } from './format';
import { KpiCards } from './KpiCards';

const STAGE_W = 1920;
const STAGE_H = 1080;

interface Props {
  data: PublicCockpit;
  year: number;
  onYear: (year: number) => void;
  selected: CityCode | null;
  onSelect: (city: CityCode | null) => void;
  /** The leaders' detail of the selected city, shown inside the drill-down panel. */
  drillExtra?: ReactNode;
  /** Extra blocks below the normal page (e.g. officials' entries). */
  footer?: ReactNode;
  /** Show a link back to the public home page (the public route). */
  homeLink?: boolean;
  title: string;
}

/** The fitted scale of a 1920×1080 stage in the current window. */
function useStageScale(active: boolean) {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    if (!active) return;
    const fit = () => setScale(Math.min(window.innerWidth / STAGE_W, window.innerHeight / STAGE_H));
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [active]);
  return scale;
}

/** The cockpit's page: normal responsive layout, or the 1920×1080 command-centre screen. */
export function CockpitView(props: Props) {
  const { data, year, onYear, selected, onSelect, drillExtra, footer, homeLink, title } = props;
  const f = useCockpitFormat();
  const { message } = App.useApp();
  const [screen, setScreen] = useState(
    () => new URLSearchParams(window.location.search).get('screen') === '1',
  );
  const scale = useStageScale(screen);
  const rootRef = useRef<HTMLDivElement>(null);
  const current = beijingYear();

  const toggleScreen = () => {
    const next = !screen;
    setScreen(next);
    if (next) void document.documentElement.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };
  useEffect(() => {
    if (!screen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setScreen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [screen]);

  const exportPng = async () => {
    if (!rootRef.current) return;
    const kpiLine = data.kpis
      .map((k) => {
        const v = k.official?.value ?? (k.platform?.comparable ? k.platform.value : null);
        return `${f.kpi(k.code)} ${v === null ? '—' : f.value(k.unit, v)}`;
      })
      .join('  ·  ');
    const city = selected ? data.cities.find((c) => c.code === selected) : undefined;
    const cityLine = city
      ? `${f.labels.city(city.code)} · ${f.t('cockpit.orgs')} ${f.num(city.orgs)} · ${f.t('cockpit.contractsOut')} ${f.num(city.contractsOut.count)} · ${f.t('cockpit.contractsIn')} ${f.num(city.contractsIn.count)}`
      : '';
    try {
      await exportViewAsPng(rootRef.current, {
        title: `${title} · ${year}${selected ? ` · ${f.labels.city(selected)}` : ''}`,
        lines: [
          `${f.t('cockpit.generatedAt', { time: formatDateTime(data.generatedAt) })}`,
          kpiLine,
          cityLine,
        ],
        dark: screen,
        fileName: `cockpit-${year}${selected ? `-${selected}` : ''}.png`,
      });
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const controls = (
    <Space wrap>
      <Select
        size="small"
        value={year}
        onChange={onYear}
        data-testid="cockpit-year"
        options={[0, 1, 2, 3].map((i) => ({ value: current - i, label: String(current - i) }))}
        style={{ width: 90 }}
      />
      <Button
        size="small"
        icon={<CameraOutlined />}
        onClick={exportPng}
        data-testid="cockpit-export"
      >
        {f.t('cockpit.export')}
      </Button>
      <Button
        size="small"
        icon={screen ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
        onClick={toggleScreen}
        data-testid="cockpit-screen"
      >
        {screen ? f.t('cockpit.exitScreen') : f.t('cockpit.screen')}
      </Button>
      {/* Inside the app the layout already offers the language switch. */}
      {(homeLink || screen) && <LanguageSwitch />}
      {homeLink && (
        <Link to="/">
          <Button size="small" icon={<HomeOutlined />}>
            {f.t('menu.home')}
          </Button>
        </Link>
      )}
    </Space>
  );
  const header = (
    <div
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        gap: 12,
        flexWrap: 'wrap',
      }}
    >
      <div>
        <Typography.Title level={screen ? 2 : 3} style={{ margin: 0 }} data-testid="cockpit-title">
          {title}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {f.t('cockpit.generatedAt', { time: formatDateTime(data.generatedAt) })} ·{' '}
          {f.t('cockpit.aggregatesOnly')}
        </Typography.Text>
      </div>
      {controls}
    </div>
  );
  const drill = (height?: number) => (
    <CityPanel
      data={data}
      city={selected}
      onClose={() => onSelect(null)}
      extra={drillExtra}
      height={height}
    />
  );
  const dark = screen;
  const chartProps = (height: number) => ({ data, dark, height });

  if (screen) {
    return (
      <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
        <div
          style={{
            position: 'fixed',
            inset: 0,
            background: '#050d1f',
            overflow: 'hidden',
            zIndex: 1000,
          }}
        >
          <div
            ref={rootRef}
            data-testid="cockpit-stage"
            style={{
              width: STAGE_W,
              height: STAGE_H,
              transform: `scale(${scale})`,
              transformOrigin: 'top left',
              background: '#0b1a33',
              padding: 20,
              boxSizing: 'border-box',
              display: 'grid',
              gridTemplateColumns: '450px 1fr 450px',
              gridTemplateRows: '64px 1fr 300px',
              gap: 14,
            }}
          >
            <div style={{ gridColumn: '1 / 4' }}>{header}</div>
            <div style={{ overflow: 'hidden' }}>
              <KpiCards kpis={data.kpis} compact />
            </div>
            <CorridorMap data={data} selected={selected} onSelect={onSelect} dark height={620} />
            <div style={{ overflow: 'hidden' }}>{drill(620)}</div>
            <TierLadderChart {...chartProps(240)} />
            <ContractsByMonthChart {...chartProps(240)} />
            <FlowMatrixChart {...chartProps(240)} />
          </div>
        </div>
      </ConfigProvider>
    );
  }
  return (
    <div
      ref={rootRef}
      data-testid="cockpit-root"
      style={{ display: 'flex', flexDirection: 'column', gap: 16 }}
    >
      {header}
      <KpiCards kpis={data.kpis} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <CorridorMap
            data={data}
            selected={selected}
            onSelect={onSelect}
            dark={false}
            height={520}
          />
        </Col>
        <Col xs={24} lg={9}>
          {drill()}
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <OrgsByCityChart {...chartProps(280)} />
        </Col>
        <Col xs={24} xl={12}>
          <TierLadderChart {...chartProps(280)} />
        </Col>
        <Col xs={24} xl={8}>
          <ContractsByMonthChart {...chartProps(260)} />
        </Col>
        <Col xs={24} xl={8}>
          <FlowMatrixChart {...chartProps(260)} />
        </Col>
        <Col xs={24} xl={8}>
          <TopFieldsChart {...chartProps(260)} />
        </Col>
      </Row>
      {footer}
    </div>
  );
}
