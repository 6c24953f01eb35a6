import { useQuery } from '@tanstack/react-query';
import { Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { client, unwrap } from '../api';
import { useLocale } from '../i18n';

/** The page size of the entries the list endpoints embed in each batch (`entriesPageSize`, the server's default). */
export const EMBEDDED_ENTRIES = 20;

type EntriesPath = '/api/v1/notices/{id}/entries' | '/api/v1/public/notices/{id}/entries' | '/api/v1/public/announcements/{id}/entries';

/**
 * The entries of one batch (公告 or 公示): the first page comes with the batch list, further pages from
 * `path` with the batch's `id` (`…/{id}/entries?page=&pageSize=`), so a long batch is never cut off at its first page.
 */
export function PagedEntriesTable<T extends object>(props: { path: EntriesPath; id: string; first: T[]; total: number; queryKey: readonly unknown[]; rowKey: keyof T & string; columns: TableColumnsType<T>; scrollX?: number }) {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(EMBEDDED_ENTRIES);
  const embedded = page === 1 && pageSize === EMBEDDED_ENTRIES;
  const more = useQuery({
    queryKey: [...props.queryKey, 'entries', page, pageSize],
    queryFn: async ({ signal }) => (await unwrap(client.GET(props.path, { params: { path: { id: props.id }, query: { page, pageSize } }, signal }))).items as T[],
    enabled: !embedded,
  });
  return (
    <Table<T>
      rowKey={props.rowKey}
      size="small"
      bordered
      loading={!embedded && more.isFetching}
      dataSource={embedded ? props.first : (more.data ?? [])}
      scroll={{ x: props.scrollX ?? 800 }}
      columns={props.columns}
      pagination={{
        current: page,
        pageSize,
        total: props.total,
        hideOnSinglePage: true,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (n) => t('common.total', { total: n }),
        onChange: (p, ps) => {
          setPage(ps !== pageSize ? 1 : p);
          setPageSize(ps);
        },
      }}
    />
  );
}
