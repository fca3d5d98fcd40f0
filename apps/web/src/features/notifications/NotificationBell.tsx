import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@corridor/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, List, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { useT } from '../../i18n';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './api';
import { useNotificationText } from './NotificationText';

/**
 * The header bell: unread count, and on click the latest notifications with mark-all-read and a
 * link to the full list. Opening one marks it read and goes to its record.
 */
export function NotificationBell() {
  const t = useT();
  const text = useNotificationText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const count = useUnreadCount();
  const latest = useNotifications(1, 6, false);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = count.data?.unread ?? 0;
  const newestId = latest.data?.items[0]?.id;

  // New notifications mean someone acted: the menu's waiting-offer badge may have moved too.
  const seen = useRef(unread);
  useEffect(() => {
    if (unread !== seen.current) {
      seen.current = unread;
      void queryClient.invalidateQueries({ queryKey: ['notifications', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['negotiations', 'list'] });
    }
  }, [unread, queryClient]);

  const go = (n: Notification) => {
    setOpen(false);
    if (n.readAt === null) markRead.mutate(n.id);
    navigate(n.link ?? '/app/notifications');
  };

  const panel = (
    <div
      style={{ background: '#fff', width: 380, padding: 12, borderRadius: 8 }}
      className="ant-dropdown-menu"
      data-testid="notification-panel"
    >
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate(newestId)}
          data-testid="notification-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Space>
      <List<Notification>
        size="small"
        dataSource={latest.data?.items ?? []}
        locale={{ emptyText: t('notifications.empty') }}
        renderItem={(n) => (
          <List.Item
            style={{ cursor: 'pointer' }}
            onClick={() => go(n)}
            data-testid="notification-item"
          >
            <List.Item.Meta
              title={
                <Typography.Text strong={n.readAt === null}>
                  {n.readAt === null && <Badge status="processing" />} {text(n)}
                </Typography.Text>
              }
              description={formatDateTime(n.createdAt)}
            />
          </List.Item>
        )}
      />
      <Button
        block
        type="link"
        onClick={() => {
          setOpen(false);
          navigate('/app/notifications');
        }}
        data-testid="notification-view-all"
      >
        {t('notifications.viewAll')}
      </Button>
    </div>
  );

  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} popupRender={() => panel}>
      <Button
        type="text"
        aria-label={t('notifications.bell', { count: unread })}
        data-testid="notification-bell"
      >
        <Badge count={unread} size="small" data-testid="notification-unread">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
