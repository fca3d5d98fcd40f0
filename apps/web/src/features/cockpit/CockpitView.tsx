import {
  CameraOutlined,
  FullscreenExitOutlined,
  FullscreenOutlined,
  HomeOutlined,
} from '@ant-design/icons';
import type { CityCode, PublicCockpit } from '@corridor/contracts';
import {
  App,
  Button,
  Col,
  ConfigProvider,
  Grid,
  Row,
  Select,
  Space,
  Switch,
  Typography,
  theme,
} from 'antd';
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
import { exportCockpitPng } from './export';
import { beijingYear, useCockpitFormat } from './format';
import { KpiCards } from './KpiCards';
import { CockpitDarkContext, type CockpitTheme, effectiveTheme } from './theme';

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
  /** The remembered colour theme (null: none chosen yet) and how to change it. */
  theme: CockpitTheme | null;
  onTheme: (theme: CockpitTheme) => void;
}

/** Backgrounds of the dark theme: the screen's surround, the stage and the page's panel. */
export const DARK_BACKGROUND = { surround: '#050d1f', stage: '#0b1a33' } as const;

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
  const screens = Grid.useBreakpoint();
  const f = useCockpitFormat();
  const { message } = App.useApp();
  const [screen, setScreen] = useState(
    () => new URLSearchParams(window.location.search).get('screen') === '1',
  );
  const scale = useStageScale(screen);
  const dark = effectiveTheme(props.theme, screen) === 'dark';
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
    try {
      await exportCockpitPng(rootRef.current, data, f, { title, year, selected, dark });
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
      <Switch
        checked={dark}
        onChange={(on) => props.onTheme(on ? 'dark' : 'light')}
        checkedChildren={f.t('cockpit.theme.dark')}
        unCheckedChildren={f.t('cockpit.theme.light')}
        aria-label={f.t('cockpit.theme.label')}
        data-testid="cockpit-theme"
      />
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
  const chartProps = (height: number) => ({ data, dark, height });

  // Light keeps the app's own theme; dark switches antd to its dark algorithm.
  const antdTheme = dark ? { algorithm: theme.darkAlgorithm } : undefined;
  if (screen) {
    return (
      <ConfigProvider theme={antdTheme}>
        <CockpitDarkContext.Provider value={dark}>
          <div
            style={{
              position: 'fixed',
              inset: 0,
              background: dark ? DARK_BACKGROUND.surround : '#f0f2f5',
              overflow: 'hidden',
              zIndex: 1000,
            }}
          >
            <div
              ref={rootRef}
              data-testid="cockpit-stage"
              data-theme={dark ? 'dark' : 'light'}
              style={{
                width: STAGE_W,
                height: STAGE_H,
                transform: `scale(${scale})`,
                transformOrigin: 'top left',
                background: dark ? DARK_BACKGROUND.stage : '#ffffff',
                padding: 20,
                boxSizing: 'border-box',
                display: 'grid',
                gridTemplateColumns: '420px 1fr 420px',
                gridTemplateRows: '64px 1fr 300px',
                gap: 14,
              }}
            >
              <div style={{ gridColumn: '1 / 4' }}>{header}</div>
              <div style={{ overflow: 'hidden' }}>
                <KpiCards kpis={data.kpis} compact />
              </div>
              <CorridorMap
                data={data}
                selected={selected}
                onSelect={onSelect}
                dark={dark}
                height={640}
              />
              <div style={{ overflow: 'hidden' }}>{drill(640)}</div>
              <TierLadderChart {...chartProps(240)} />
              <ContractsByMonthChart {...chartProps(240)} />
              <FlowMatrixChart {...chartProps(240)} />
            </div>
          </div>
        </CockpitDarkContext.Provider>
      </ConfigProvider>
    );
  }
  const mapHeight = screens.lg ? 620 : 440;
  return (
    <ConfigProvider theme={antdTheme}>
      <CockpitDarkContext.Provider value={dark}>
        <div
          ref={rootRef}
          data-testid="cockpit-root"
          data-theme={dark ? 'dark' : 'light'}
          style={{
            display: 'flex',
            flexDirection: 'column',
            gap: 16,
            ...(dark ? { background: DARK_BACKGROUND.stage, padding: 16, borderRadius: 8 } : {}),
          }}
        >
          {header}
          <KpiCards kpis={data.kpis} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <CorridorMap
                data={data}
                selected={selected}
                onSelect={onSelect}
                dark={dark}
                height={mapHeight}
              />
            </Col>
            <Col xs={24} lg={8}>
              {drill(screens.lg ? mapHeight : undefined)}
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
      </CockpitDarkContext.Provider>
    </ConfigProvider>
  );
}
