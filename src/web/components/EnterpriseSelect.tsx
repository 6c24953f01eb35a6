import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useEnterpriseList } from '../queries';
import { useT } from '../i18n';

/** The text typed into a remote-search select, trimmed and settled for 300 ms (one request per pause, not per key). */
export function useDebouncedSearch(): [string, (text: string) => void] {
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(h);
  }, [search]);
  return [debounced, setSearch];
}

/** Remote-search select of enterprises (name or credit code). Value is the enterprise id. */
export function EnterpriseSelect({
  value,
  onChange,
  id,
  initialLabel,
  excludeId,
  disabled,
  allowClear = true,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  initialLabel?: string | null;
  excludeId?: string;
  disabled?: boolean;
  allowClear?: boolean;
}) {
  const t = useT();
  const [debounced, setSearch] = useDebouncedSearch();
  const list = useEnterpriseList({ page: 1, pageSize: 20, q: debounced || undefined }, !disabled);
  const options = useMemo(() => {
    const opts = (list.data?.items ?? [])
      .filter((e) => e.id !== excludeId)
      .map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }));
    if (value && initialLabel && !opts.some((o) => o.value === value)) opts.unshift({ value, label: initialLabel });
    return opts;
  }, [list.data, excludeId, value, initialLabel]);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={options}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={t('ent.parentSearch')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={list.isFetching ? <Spin size="small" /> : undefined}
      style={{ width: '100%' }}
    />
  );
}
