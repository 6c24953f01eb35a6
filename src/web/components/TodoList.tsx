import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Empty, Pagination, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { client, unwrap, type TodoItem } from '../api';
import { APPLICATION_STATE_COLORS, applicationStateLabel, formatDateTime } from '../format';
import { bilingual, hasKey, useLocale } from '../i18n';
import { qk } from '../queries';

const PAGE_SIZE = 20;

/** 待办: what awaits the signed-in user (GET /todos); each item links to its page. */
export function TodoListCard() {
  const { locale, t } = useLocale();
  const [page, setPage] = useState(1);
  const todos = useQuery({
    queryKey: [...qk.todos, page],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/todos', { params: { query: { page, pageSize: PAGE_SIZE } }, signal })),
    refetchInterval: 120_000,
    retry: false,
  });
  const items = todos.data?.items ?? [];

  const stateTag = (item: TodoItem) => {
    if (item.kind === 'application') {
      return <Tag color={APPLICATION_STATE_COLORS[item.state] ?? 'default'}>{applicationStateLabel(item.state, locale)}</Tag>;
    }
    const key = `todo.state.${item.state}`;
    return <Tag color="gold">{hasKey(key) ? t(key) : item.state}</Tag>;
  };

  return (
    <Card
      title={
        <span>
          {t('todo.title')} <Badge count={todos.data?.total ?? 0} showZero={false} style={{ marginInlineStart: 6 }} />
        </span>
      }
      style={{ marginTop: 16 }}
      loading={todos.isLoading}
    >
      <div data-testid="todo-list">
        {todos.isError ? (
          <Typography.Text type="secondary">{t('common.loadFailed')}</Typography.Text>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('todo.empty')} />
        ) : (
          items.map((item) => (
            <div
              key={`${item.kind}:${item.id}`}
              data-testid="todo-item"
              style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '10px 0', borderBottom: '1px solid #f0f0f0', flexWrap: 'wrap' }}
            >
              <Tag>{t(item.kind === 'application' ? 'todo.kind.application' : item.kind === 'supervision' ? 'todo.kind.supervision' : item.kind === 'annual_report' ? 'todo.kind.annualReport' : 'todo.kind.notice')}</Tag>
              <Link to={item.link} style={{ flex: 1, minWidth: 200 }}>
                {bilingual(locale, item.title, item.titleEn || item.title)}
              </Link>
              {stateTag(item)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {/^\d{4}-\d{2}-\d{2}$/.test(item.since) ? item.since : formatDateTime(item.since, locale)}
              </Typography.Text>
            </div>
          ))
        )}
      </div>
      {(todos.data?.total ?? 0) > PAGE_SIZE ? <Pagination size="small" align="end" style={{ marginTop: 12 }} current={page} pageSize={PAGE_SIZE} total={todos.data!.total} onChange={setPage} showSizeChanger={false} /> : null}
    </Card>
  );
}
