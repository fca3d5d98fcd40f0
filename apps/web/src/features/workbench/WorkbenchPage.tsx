import { Alert, Badge, Button, Card, Col, Empty, List, Row, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { type MessageKey, useT } from '../../i18n';
import { useNotifications } from '../notifications/api';
import { useNotificationText } from '../notifications/NotificationText';
import { useShortcuts } from './shortcuts';
import { useTodos } from './todos';

/**
 * 我的工作台 (issue 10 item 12): the landing page of everyone whose work arrives from others —
 * what waits for them (contracts to confirm or register, offers, introductions, reviews,
 * registrations), the latest notifications and shortcuts to their pages.
 */
export default function WorkbenchPage() {
  const t = useT();
  const { data: me } = useMe();
  const todos = useTodos(me);
  const inbox = useNotifications(1, 5, false);
  const text = useNotificationText();
  const shortcuts = useShortcuts(me);
  const open = (todos.data ?? []).filter((x) => x.count > 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ marginBottom: 0 }}>
        {t('workbench.title')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('workbench.hello', { name: me?.displayName ?? '' })}
        {me?.orgName ? ` · ${me.orgName}` : ''}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('workbench.todos')} data-testid="workbench-todos">
            {todos.isError && <Alert type="warning" showIcon title={t('workbench.todosFailed')} />}
            <List
              loading={todos.isPending}
              dataSource={open}
              locale={{ emptyText: <Empty description={t('workbench.noTodos')} /> }}
              renderItem={(todo) => (
                <List.Item
                  data-testid={`todo-${todo.key}`}
                  extra={
                    <Badge
                      count={t(todo.more ? 'workbench.countMore' : 'workbench.count', {
                        n: todo.count,
                      })}
                      color="#1668dc"
                    />
                  }
                >
                  <Link to={todo.link}>{t(`workbench.todo.${todo.key}` as MessageKey)}</Link>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title={t('workbench.notifications')}
            extra={<Link to="/app/notifications">{t('workbench.allNotifications')}</Link>}
            data-testid="workbench-notifications"
          >
            <List
              loading={inbox.isPending}
              dataSource={inbox.data?.items ?? []}
              locale={{ emptyText: <Empty description={t('workbench.noNotifications')} /> }}
              renderItem={(n) => (
                <List.Item>
                  <Space orientation="vertical" size={0}>
                    {n.link ? <Link to={n.link}>{text(n)}</Link> : text(n)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt)}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('workbench.shortcuts')}>
        <Space wrap>
          {shortcuts.map((s) => (
            <Link key={s.path} to={s.path}>
              <Button>{t(s.label)}</Button>
            </Link>
          ))}
        </Space>
      </Card>
    </Space>
  );
}
