import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { client, unwrap, type NotificationItem } from '../api';
import { useApiErrorHandler } from '../errors';
import { formatDateTime } from '../format';
import { bilingual, useLocale } from '../i18n';
import { qk } from '../queries';
import { BellIcon } from './icons';


/** The header bell: unread count, the latest notifications, mark read, follow the link. */
export function NotificationBell() {
  const { locale, t } = useLocale();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const [open, setOpen] = useState(false);

  const list = useQuery({
    queryKey: qk.notifications,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/notifications', { signal })),
    refetchInterval: 60_000,
    staleTime: 15_000,
    retry: false,
  });

  const markRead = useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await client.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } });
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: qk.notifications }),
    onError: (e) => onError(e),
  });

  const markAllRead = useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/notifications/read-all')),
    onSettled: () => void qc.invalidateQueries({ queryKey: qk.notifications }),
    onError: (e) => onError(e),
  });

  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;
  const unreadIds = items.filter((n) => !n.readAt).map((n) => n.id);

  const follow = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate([n.id]);
    if (n.link) {
      setOpen(false);
      navigate(n.link);
    }
  };

  const content = (
    <div style={{ width: 380, maxWidth: '86vw' }} data-testid="notifications-panel">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notif.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unreadIds.length === 0}
          loading={markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
          data-testid="notifications-read-all"
        >
          {t('notif.markAllRead')}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.empty')} />
      ) : (
        <div style={{ maxHeight: 420, overflow: 'auto' }}>
          {items.map((n) => (
            <div
              key={n.id}
              data-testid="notification-item"
              data-read={n.readAt ? 'true' : 'false'}
              style={{
                padding: '8px 10px',
                borderBottom: '1px solid #f0f0f0',
                background: n.readAt ? undefined : '#f0f6ff',
                display: 'flex',
                gap: 8,
                alignItems: 'flex-start',
              }}
            >
              <span
                aria-hidden="true"
                style={{ width: 6, height: 6, borderRadius: 3, marginTop: 8, flex: 'none', background: n.readAt ? 'transparent' : '#1677ff' }}
              />
              <div style={{ flex: 1, minWidth: 0 }}>
                {n.link ? (
                  <Typography.Link onClick={() => follow(n)}>{bilingual(locale, n.title, n.titleEn || n.title)}</Typography.Link>
                ) : (
                  <Typography.Text>{bilingual(locale, n.title, n.titleEn || n.title)}</Typography.Text>
                )}
                <div style={{ color: '#595959', fontSize: 12 }}>{formatDateTime(n.createdAt, locale)}</div>
              </div>
              {!n.readAt ? (
                <Button size="small" type="text" onClick={() => markRead.mutate([n.id])} data-testid="notification-mark-read">
                  {t('notif.markRead')}
                </Button>
              ) : null}
            </div>
          ))}
        </div>
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Badge count={unread} size="small" offset={[-4, 4]} data-testid="notifications-unread">
        <Button
          type="text"
          aria-label={unread > 0 ? `${t('notif.title')} · ${t('notif.unreadCount', { n: unread })}` : t('notif.title')}
          title={t('notif.title')}
          data-testid="notifications"
          style={{ color: '#fff', fontSize: 18, display: 'inline-flex', alignItems: 'center' }}
          icon={<BellIcon />}
        />
      </Badge>
    </Popover>
  );
}
