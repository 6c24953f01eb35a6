import type { TablePaginationConfig } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useLocale } from './i18n';

const DEFAULT_PAGE_SIZE = 20;

/**
 * Server-side paging and filters kept in the URL (so a list can be linked and survives reload):
 * `page`, `pageSize` and any filter parameters; defaults are left out of the URL.
 */
export function useUrlPaging(pageSizes: number[] = [10, 20, 50, 100]) {
  const { t } = useLocale();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = pageSizes.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : DEFAULT_PAGE_SIZE;

  const update = (next: Record<string, string | number | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === DEFAULT_PAGE_SIZE)) merged.delete(k);
      else merged.set(k, String(v));
    }
    setParams(merged, { replace: true });
  };

  /** The antd Table pagination for a list of `total` rows. */
  const pagination = (total: number): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: pageSizes,
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (p, ps) => update({ page: ps !== pageSize ? 1 : p, pageSize: ps }),
  });

  return { params, page, pageSize, update, pagination };
}
