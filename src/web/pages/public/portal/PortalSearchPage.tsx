import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Card, Empty, Flex, Input, List, Pagination, Segmented, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { client, unwrap } from '../../../api';
import { PageLoading } from '../../../components/PageLoading';
import { useLocale, type MessageKey } from '../../../i18n';
import { useUrlPaging } from '../../../paging';
import { usePageMeta } from './meta';

const TYPES = ['enterprise', 'announcement', 'notice', 'standard', 'catalogue', 'policy', 'demoUnit', 'testingOrg', 'listing', 'product'] as const;
type SearchType = (typeof TYPES)[number];
const typeKey = (t: SearchType) => `portal.type.${t}` as MessageKey;

/** 一站式检索: one box, type filter, suggestions as one types, highlighted snippets (server-escaped, <mark> only). */
export default function PortalSearchPage() {
  const { t } = useLocale();
  usePageMeta(t('portal.search.title'), t('portal.search.desc'), '/public/search');
  const { params, page, pageSize, update } = useUrlPaging();
  const q = params.get('q') ?? '';
  const type = (params.get('type') ?? '') as SearchType | '';
  const [draft, setDraft] = useState(q);
  const [typed, setTyped] = useState('');
  useEffect(() => setDraft(q), [q]);
  useEffect(() => {
    const h = setTimeout(() => setTyped(draft.trim()), 200);
    return () => clearTimeout(h);
  }, [draft]);

  const suggest = useQuery({
    queryKey: ['public', 'search-suggest', typed],
    enabled: typed.length > 0 && typed !== q,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/search/suggest', { params: { query: { q: typed } }, signal })),
  });
  const res = useQuery({
    queryKey: ['public', 'search', q, type, page, pageSize],
    enabled: q.length > 0,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/search', { params: { query: { q, type: type || undefined, page, pageSize } as never }, signal })),
  });

  return (
    <>
      <Typography.Title level={3} data-testid="page-title">
        {t('portal.search.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.search.desc')}</Typography.Paragraph>
      <AutoComplete
        style={{ width: '100%', maxWidth: 720 }}
        value={draft}
        onChange={setDraft}
        options={(suggest.data?.items ?? []).map((s) => ({ value: s.title, label: <span data-testid="portal-suggestion">{s.title} <Tag>{t(typeKey(s.type))}</Tag></span> }))}
        onSelect={(v: string) => update({ q: v, page: 1 })}
      >
        <Input.Search
          size="large"
          aria-label={t('portal.q')}
          placeholder={t('portal.search.placeholder')}
          enterButton={t('portal.search.button')}
          onSearch={(v) => update({ q: v.trim(), page: 1 })}
          data-testid="portal-search-input"
        />
      </AutoComplete>
      <div style={{ margin: '16px 0', overflowX: 'auto' }}>
        <Segmented
          value={type || 'all'}
          onChange={(v) => update({ type: v === 'all' ? undefined : String(v), page: 1 })}
          options={[{ value: 'all', label: t('portal.search.all') }, ...TYPES.map((x) => ({ value: x, label: t(typeKey(x)) }))]}
          data-testid="portal-search-types"
        />
      </div>
      {!q ? null : res.isPending ? (
        <PageLoading />
      ) : !res.data?.items.length ? (
        <Empty description={t('portal.search.none')} />
      ) : (
        <Card>
          <Typography.Text type="secondary" data-testid="portal-search-total">
            {t('portal.search.total', { total: res.data.capped ? `${res.data.total}+` : res.data.total })}
          </Typography.Text>
          <List
            dataSource={res.data.items}
            renderItem={(h) => (
              <List.Item data-testid="portal-search-hit" data-type={h.type}>
                <List.Item.Meta
                  title={
                    <Flex gap={8} align="center" wrap>
                      <Tag color="blue">{t(typeKey(h.type))}</Tag>
                      <Link to={h.url}>{h.title}</Link>
                    </Flex>
                  }
                  description={<span className="portal-snippet" dangerouslySetInnerHTML={{ __html: h.snippet }} />}
                />
              </List.Item>
            )}
          />
          <Pagination current={page} pageSize={pageSize} total={res.data.total} onChange={(p, ps) => update({ page: p, pageSize: ps })} showSizeChanger={false} style={{ marginTop: 12 }} />
        </Card>
      )}
    </>
  );
}
