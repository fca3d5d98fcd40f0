import { LoginOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useT } from '../../i18n';
import { EditionList } from './EditionList';
import { EditionView } from './EditionView';

/** Published lists for everyone, no sign-in: the same list and detail as inside the app. */
export default function PublicRankingsPage() {
  const t = useT();
  const { id } = useParams();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}
      >
        <Link to="/">
          <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
            {t('app.shortTitle')}
          </Typography.Text>
        </Link>
        <Space>
          <LanguageSwitch />
          <Link to="/login">
            <Button type="primary" icon={<LoginOutlined />}>
              {t('home.login')}
            </Button>
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1280, margin: '0 auto', width: '100%' }}>
        {id ? <EditionView basePath="/rankings" /> : <EditionList basePath="/rankings" />}
      </Layout.Content>
    </Layout>
  );
}
