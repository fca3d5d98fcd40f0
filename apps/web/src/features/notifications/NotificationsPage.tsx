import type { Notification } from '@corridor/contracts';
import { Badge, Button, Checkbox, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { useT } from '../../i18n';
import { useMarkAllRead, useMarkRead, useNotifications } from './api';
import { useNotificationText } from './NotificationText';

const PAGE_SIZE = 20;

/** Every notification of the caller, newest first, with mark read / mark all read. */
export default function NotificationsPage() {
  const t = useT();
  const text = useNotificationText();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(page, PAGE_SIZE, unreadOnly);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  // The first page shows the newest: nothing newer than it is marked read unseen.
  const newestId = page === 1 ? list.data?.items[0]?.id : undefined;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('notifications.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('notifications.intro')}</Typography.Paragraph>
      <Space>
        <Checkbox
          checked={unreadOnly}
          onChange={(e) => {
            setUnreadOnly(e.target.checked);
            setPage(1);
          }}
          data-testid="notifications-unread-only"
        >
          {t('notifications.unreadOnly')}
        </Checkbox>
        <Button
          loading={markAll.isPending}
          onClick={() => markAll.mutate(newestId)}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Space>
      <Table<Notification>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('notifications.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('notifications.message'),
            render: (_, n) => (
              <Space>
                {n.readAt === null && (
                  <Badge status="processing" text={t('notifications.unread')} />
                )}
                <Typography.Text strong={n.readAt === null}>{text(n)}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('notifications.time'),
            width: 180,
            render: (_, n) => formatDateTime(n.createdAt),
          },
          {
            title: t('common.actions'),
            width: 200,
            render: (_, n) => (
              <Space>
                {n.link && (
                  <Link
                    to={n.link}
                    onClick={() => n.readAt === null && markRead.mutate(n.id)}
                    data-testid="notification-open"
                  >
                    {t('notifications.open')}
                  </Link>
                )}
                {n.readAt === null && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => markRead.mutate(n.id)}
                    data-testid="notification-mark-read"
                  >
                    {t('notifications.markRead')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
