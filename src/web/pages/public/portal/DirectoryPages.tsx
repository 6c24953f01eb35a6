import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Flex, Input, List, Row, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { findProvince } from '../../../../domain/regions';
import { client, unwrap } from '../../../api';
import { PageLoading } from '../../../components/PageLoading';
import { useLocale, type MessageKey } from '../../../i18n';
import { useUrlPaging } from '../../../paging';
import { usePageMeta } from './meta';

/**
 * The province tile map (no map data offline: a tile grid, one square per province in its rough place;
 * docs/public-portal.md). [province code prefix, row, column].
 */
const TILES: Array<[string, number, number]> = [
  ['23', 0, 7],
  ['65', 1, 0], ['15', 1, 4], ['11', 1, 5], ['21', 1, 6], ['22', 1, 7],
  ['63', 2, 1], ['62', 2, 2], ['64', 2, 3], ['14', 2, 4], ['13', 2, 5], ['12', 2, 6],
  ['54', 3, 0], ['51', 3, 1], ['61', 3, 2], ['41', 3, 3], ['37', 3, 4], ['32', 3, 5],
  ['53', 4, 1], ['50', 4, 2], ['42', 4, 3], ['34', 4, 4], ['31', 4, 5],
  ['52', 5, 1], ['43', 5, 2], ['36', 5, 3], ['33', 5, 4],
  ['45', 6, 1], ['44', 6, 2], ['35', 6, 3], ['71', 6, 5],
  ['46', 7, 1], ['82', 7, 2], ['81', 7, 3],
];
const shortName = (code: string) => (findProvince(`${code}0000`)?.name ?? code).replace(/(省|市|自治区|壮族|回族|维吾尔|特别行政区)/g, '');
/** ISO 3166-2:CN subdivision codes: the English tile's label (a full English name does not fit a tile; the tooltip has it). */
const ISO_CN: Record<string, string> = {
  '11': 'BJ', '12': 'TJ', '13': 'HE', '14': 'SX', '15': 'NM', '21': 'LN', '22': 'JL', '23': 'HL', '31': 'SH', '32': 'JS', '33': 'ZJ', '34': 'AH',
  '35': 'FJ', '36': 'JX', '37': 'SD', '41': 'HA', '42': 'HB', '43': 'HN', '44': 'GD', '45': 'GX', '46': 'HI', '50': 'CQ', '51': 'SC', '52': 'GZ',
  '53': 'YN', '54': 'XZ', '61': 'SN', '62': 'GS', '63': 'QH', '64': 'NX', '65': 'XJ', '71': 'TW', '81': 'HK', '82': 'MO',
};
/** A province's name in the reader's language (full: tooltip, label, filter tag; short: the tile). */
function provinceName(code: string, english: boolean, short = false): string {
  const p = findProvince(code.length === 2 ? `${code}0000` : code);
  if (!p) return code;
  if (english) return short ? (ISO_CN[p.code.slice(0, 2)] ?? p.nameEn) : p.nameEn;
  return short ? shortName(p.code.slice(0, 2)) : p.name;
}

function ProvinceTiles({ counts, selected, onPick }: { counts: Map<string, number>; selected?: string; onPick: (code?: string) => void }) {
  const { traits } = useLocale();
  const max = Math.max(1, ...counts.values());
  return (
    <div role="list" style={{ display: 'grid', gridTemplateColumns: 'repeat(8, minmax(28px, 56px))', gap: 4 }} data-testid="unit-tiles">
      {TILES.map(([code, row, col]) => {
        const n = counts.get(code) ?? 0;
        const active = selected === `${code}0000`;
        return (
          <Tooltip key={code} title={`${provinceName(code, traits.english)}: ${n}`}>
            <button
              type="button"
              role="listitem"
              aria-label={`${provinceName(code, traits.english)} ${n}`}
              onClick={() => onPick(active ? undefined : `${code}0000`)}
              style={{
                gridRow: row + 1,
                gridColumn: col + 1,
                aspectRatio: '1',
                border: active ? '2px solid #0b3d91' : '1px solid #d9d9d9',
                borderRadius: 4,
                cursor: 'pointer',
                fontSize: 11,
                lineHeight: 1.2,
                padding: 2,
                color: n / max > 0.5 ? '#fff' : '#1f1f1f',
                background: n ? `rgba(22, 93, 200, ${0.2 + 0.8 * (n / max)})` : '#f5f5f5',
              }}
            >
              {provinceName(code, traits.english, true)}
              <br />
              <strong>{n}</strong>
            </button>
          </Tooltip>
        );
      })}
    </div>
  );
}

/** 示范单位: the tile map (click a province to filter) and the paged list. */
export function DemoUnitsPage() {
  const { t, traits } = useLocale();
  usePageMeta(t('portal.unit.title'), t('portal.unit.desc'), '/public/demonstration-units');
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const q = params.get('q') ?? undefined;
  const province = params.get('province') ?? undefined;
  const kind = params.get('kind') ?? undefined;
  const counts = useQuery({ queryKey: ['public', 'units-by-province'], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/demonstration-units/by-province', { signal })) });
  const res = useQuery({
    queryKey: ['public', 'units', q, province, kind, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/demonstration-units', { params: { query: { q, province, kind, page, pageSize } as never }, signal })),
  });
  const byProvince = new Map((counts.data?.items ?? []).map((i) => [i.provinceCode.slice(0, 2), i.count]));
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{t('portal.unit.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.unit.desc')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={`${t('portal.unit.map')} · ${counts.data?.total ?? 0}`}>
            <ProvinceTiles counts={byProvince} selected={province} onPick={(p) => update({ province: p, page: 1 })} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Input.Search aria-label={t('portal.q')} placeholder={t('portal.q')} defaultValue={q} allowClear onSearch={(v) => update({ q: v.trim(), page: 1 })} style={{ maxWidth: 260 }} />
            <Select aria-label={t('portal.unit.kind')} placeholder={t('portal.unit.kind')} allowClear value={kind} onChange={(v) => update({ kind: v, page: 1 })} style={{ width: 160 }}
              options={['enterprise', 'park', 'base', 'centre'].map((k) => ({ value: k, label: t(`portal.unit.kind.${k}` as MessageKey) }))} />
            {province && <Tag closable onClose={() => update({ province: undefined })}>{provinceName(province, traits.english)}</Tag>}
          </Flex>
          <Card>
            <Table
              rowKey="id"
              size="small"
              loading={res.isPending}
              dataSource={res.data?.items ?? []}
              pagination={pagination(res.data?.total ?? 0)}
              scroll={{ x: 560 }}
              data-testid="unit-table"
              columns={[
                { title: t('portal.unit.name'), dataIndex: 'name' },
                { title: t('portal.unit.kind'), dataIndex: 'kind', render: (v: string) => t(`portal.unit.kind.${v}` as MessageKey) },
                { title: t('portal.unit.province'), dataIndex: 'provinceName', render: (v: string, r) => (r.provinceCode ? provinceName(r.provinceCode, traits.english) : v) },
                { title: t('portal.unit.field'), dataIndex: 'field' },
                { title: t('portal.unit.year'), dataIndex: 'year' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** 第三方检测评价机构 directory. */
export function TestingOrgsPage() {
  const { t, traits } = useLocale();
  usePageMeta(t('portal.org.title'), t('portal.org.desc'), '/public/testing-organizations');
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const q = params.get('q') ?? undefined;
  const res = useQuery({
    queryKey: ['public', 'orgs', q, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/testing-organizations', { params: { query: { q, page, pageSize } as never }, signal })),
  });
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{t('portal.org.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.org.desc')}</Typography.Paragraph>
      <Input.Search aria-label={t('portal.q')} placeholder={t('portal.q')} defaultValue={q} allowClear onSearch={(v) => update({ q: v.trim(), page: 1 })} style={{ maxWidth: 320, marginBottom: 12 }} />
      <Card>
        <Table
          rowKey="id"
          size="small"
          loading={res.isPending}
          dataSource={res.data?.items ?? []}
          pagination={pagination(res.data?.total ?? 0)}
          scroll={{ x: 640 }}
          columns={[
            { title: t('portal.org.name'), dataIndex: 'name', render: (v: string, r) => (r.website ? <a href={r.website} rel="noopener noreferrer" target="_blank">{v}</a> : v) },
            { title: t('portal.org.accreditation'), dataIndex: 'accreditationNo' },
            { title: t('portal.unit.province'), dataIndex: 'provinceName', render: (v: string, r) => (r.provinceCode ? provinceName(r.provinceCode, traits.english) : v) },
            { title: t('portal.org.scope'), dataIndex: 'scope' },
          ]}
        />
      </Card>
    </>
  );
}

/** 政策文件与通知: list by category; the detail shows the full text and attachments. */
export function PoliciesPage() {
  const { t } = useLocale();
  usePageMeta(t('portal.pol.title'), t('portal.pol.desc'), '/public/policies');
  const { params, page, pageSize, update } = useUrlPaging();
  const q = params.get('q') ?? undefined;
  const category = params.get('category') ?? undefined;
  const res = useQuery({
    queryKey: ['public', 'policies', q, category, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/policies', { params: { query: { q, category, page, pageSize } as never }, signal })),
  });
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{t('portal.pol.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.pol.desc')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('portal.q')} placeholder={t('portal.q')} defaultValue={q} allowClear onSearch={(v) => update({ q: v.trim(), page: 1 })} style={{ maxWidth: 320 }} />
        <Select aria-label={t('portal.pol.category')} placeholder={t('portal.pol.category')} allowClear value={category} onChange={(v) => update({ category: v, page: 1 })} style={{ width: 140 }}
          options={['policy', 'notice', 'interpretation', 'news'].map((c) => ({ value: c, label: t(`portal.pol.category.${c}` as MessageKey) }))} />
      </Flex>
      <Card loading={res.isPending}>
        <List
          dataSource={res.data?.items ?? []}
          pagination={{ current: page, pageSize, total: res.data?.total ?? 0, onChange: (p, ps) => update({ page: p, pageSize: ps }) }}
          renderItem={(p) => (
            <List.Item data-testid="policy-item">
              <List.Item.Meta
                title={<Link to={`/public/policies/${p.id}`}>{p.title}</Link>}
                description={<>
                  <Tag>{t(`portal.pol.category.${p.category}` as MessageKey)}</Tag> {[p.docNumber, p.issuer, p.issuedOn].filter(Boolean).join(' · ')}
                  <div>{p.excerpt}</div>
                </>}
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

export function PolicyDetailPage() {
  const { t } = useLocale();
  const id = useParams().id ?? '';
  const res = useQuery({ queryKey: ['public', 'policy', id], retry: false, queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/policies/{id}', { params: { path: { id } }, signal })) });
  const p = res.data;
  usePageMeta(p?.title ?? t('portal.pol.title'), p ? [p.docNumber, p.issuer, p.issuedOn].filter(Boolean).join(' · ') : t('portal.pol.desc'), `/public/policies/${id}`);
  if (res.isPending) return <PageLoading />;
  if (!p) return <Alert type="warning" message={t('portal.notFound')} action={<Link to="/public/policies">{t('portal.back')}</Link>} />;
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{p.title}</Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('portal.pol.docNumber')}>{p.docNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('portal.pol.issuer')}>{p.issuer || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('portal.pol.date')}>{p.issuedOn}</Descriptions.Item>
      </Descriptions>
      <Card>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="policy-body">{p.body}</Typography.Paragraph>
        {p.attachments.length > 0 && (
          <>
            <Typography.Title level={5}>{t('portal.pol.attachments')}</Typography.Title>
            <ul>{p.attachments.map((a) => <li key={a.n}><a href={a.url}>{a.name}</a></li>)}</ul>
          </>
        )}
      </Card>
      <Link to="/public/policies" style={{ display: 'inline-block', marginTop: 12 }}>{t('portal.back')}</Link>
    </>
  );
}
