import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Flex, Form, Input, InputNumber, List, Select, Space, Switch, Table, Tabs, Tag, Timeline, Typography, Upload, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { client, unwrap, upload, type ResponseOf } from '../../api';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { useConfirm, validated } from '../../components/confirm';
import { useApiErrorHandler } from '../../errors';
import { REMAN_FIELDS } from '../../../domain/enterprise';
import { formatDateTime, optionsOf, provinceOptions } from '../../format';
import { hasKey, useLocale, type MessageKey } from '../../i18n';
import { useUrlPaging } from '../../paging';

/**
 * MIIT's editing screens of the public information service (issue 14, docs/public-portal.md): one tab per kind
 * (standards, policies, demonstration units, testing organisations) — the list with words and state filters,
 * create/edit as a draft, publish and withdraw after a confirmation, attachments of policy documents (checked by
 * content on the server) and the audit trail of each item. The server decides; the buttons follow `actions`.
 */
type Kind = 'standards' | 'policies' | 'demonstration-units' | 'testing-organizations';
const KINDS: Kind[] = ['standards', 'policies', 'demonstration-units', 'testing-organizations'];
type Item =
  | ResponseOf<'/api/v1/portal/standards'>['items'][number]
  | ResponseOf<'/api/v1/portal/policies'>['items'][number]
  | ResponseOf<'/api/v1/portal/demonstration-units'>['items'][number]
  | ResponseOf<'/api/v1/portal/testing-organizations'>['items'][number];
type AnyItem = Item & Record<string, unknown>;
type History = ResponseOf<'/api/v1/portal/standards/{id}/history'>;

const STATE_COLOR: Record<string, string> = { draft: 'default', published: 'green', withdrawn: 'orange' };
const PUBLIC_PATH: Record<Kind, (i: AnyItem) => string> = {
  standards: (i) => `/public/standards/${encodeURIComponent(String(i.code))}`,
  policies: (i) => `/public/policies/${i.id}`,
  'demonstration-units': () => '/public/demonstration-units',
  'testing-organizations': () => '/public/testing-organizations',
};
const titleOf = (kind: Kind, i: AnyItem) => (kind === 'standards' ? `${String(i.code)} ${String(i.title)}` : String(i.title ?? i.name));

// The typed client takes literal paths; the four kinds share one shape, so the calls go through these helpers.
const api = {
  list: (kind: Kind, query: Record<string, unknown>, signal?: AbortSignal) =>
    unwrap(client.GET(`/api/v1/portal/${kind}` as '/api/v1/portal/standards', { params: { query: query as never }, signal })) as Promise<{ items: AnyItem[]; total: number }>,
  create: (kind: Kind, body: unknown) => unwrap(client.POST(`/api/v1/portal/${kind}` as '/api/v1/portal/standards', { body: body as never })) as Promise<AnyItem>,
  update: (kind: Kind, id: string, body: unknown) =>
    unwrap(client.PATCH(`/api/v1/portal/${kind}/{id}` as '/api/v1/portal/standards/{id}', { params: { path: { id } }, body: body as never })) as Promise<AnyItem>,
  act: (kind: Kind, id: string, action: 'publish' | 'withdraw') =>
    unwrap(client.POST(`/api/v1/portal/${kind}/{id}/${action}` as '/api/v1/portal/standards/{id}/publish', { params: { path: { id } } })) as Promise<AnyItem>,
  history: (kind: Kind, id: string, signal?: AbortSignal) =>
    unwrap(client.GET(`/api/v1/portal/${kind}/{id}/history` as '/api/v1/portal/standards/{id}/history', { params: { path: { id } }, signal })) as Promise<History>,
};

function useOptions() {
  const { t, locale } = useLocale();
  const opts = (prefix: string, values: string[]) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));
  return {
    t,
    locale,
    stdType: opts('portal.std.type', ['national', 'industry', 'group']),
    stdStatus: opts('portal.std.status', ['current', 'upcoming', 'abolished', 'replaced']),
    category: opts('portal.pol.category', ['policy', 'notice', 'interpretation', 'news']),
    unitKind: opts('portal.unit.kind', ['enterprise', 'park', 'base', 'centre']),
    provinces: provinceOptions(locale),
  };
}

/** The form fields of each kind (names are the API's, so a 400 lands on its field). */
function Fields({ kind }: { kind: Kind }) {
  const o = useOptions();
  const { t } = o;
  const req = { required: true, whitespace: true, message: t('common.required') };
  const reqSel = { required: true, message: t('common.required') };
  switch (kind) {
    case 'standards':
      return (
        <>
          <Form.Item name="code" label={t('portal.std.code')} rules={[req]}><Input data-testid="f-code" /></Form.Item>
          <Form.Item name="title" label={t('portal.std.name')} rules={[req]}><Input data-testid="f-title" /></Form.Item>
          <Form.Item name="titleEn" label={t('portal.admin.titleEn')}><Input /></Form.Item>
          <Flex gap={12}>
            <Form.Item name="type" label={t('portal.std.type')} rules={[reqSel]} style={{ flex: 1 }}><Select options={o.stdType} /></Form.Item>
            <Form.Item name="status" label={t('portal.std.status')} rules={[reqSel]} style={{ flex: 1 }}><Select options={o.stdStatus} /></Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item name="issuedOn" label={t('portal.std.issued')} style={{ flex: 1 }}><DateField /></Form.Item>
            <Form.Item name="effectiveOn" label={t('portal.std.effective')} style={{ flex: 1 }}><DateField /></Form.Item>
            <Form.Item name="abolishedOn" label={t('portal.admin.abolished')} style={{ flex: 1 }}><DateField /></Form.Item>
          </Flex>
          <Form.Item name="replacedBy" label={t('portal.std.replacedBy')}><Input /></Form.Item>
          <Form.Item name="drafters" label={t('portal.std.drafters')}><Select mode="tags" tokenSeparators={['、', ',', '，']} open={false} /></Form.Item>
          <Form.Item name="summary" label={t('portal.std.summary')}><Input.TextArea rows={4} /></Form.Item>
          <Form.Item name="verified" label={t('portal.admin.verified')} valuePropName="checked" extra={t('portal.admin.verifiedHelp')}><Switch /></Form.Item>
        </>
      );
    case 'policies':
      return (
        <>
          <Form.Item name="title" label={t('portal.admin.title')} rules={[req]}><Input data-testid="f-title" /></Form.Item>
          <Flex gap={12}>
            <Form.Item name="category" label={t('portal.pol.category')} rules={[reqSel]} style={{ flex: 1 }}><Select options={o.category} data-testid="f-category" /></Form.Item>
            <Form.Item name="issuedOn" label={t('portal.pol.date')} rules={[reqSel]} style={{ flex: 1 }}><DateField data-testid="f-issuedOn" /></Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item name="issuer" label={t('portal.pol.issuer')} style={{ flex: 1 }}><Input /></Form.Item>
            <Form.Item name="docNumber" label={t('portal.pol.docNumber')} style={{ flex: 1 }}><Input data-testid="f-docNumber" /></Form.Item>
          </Flex>
          <Form.Item name="body" label={t('portal.admin.body')}><Input.TextArea rows={10} data-testid="f-body" /></Form.Item>
        </>
      );
    case 'demonstration-units':
      return (
        <>
          <Form.Item name="name" label={t('portal.admin.name')} rules={[req]}><Input data-testid="f-name" /></Form.Item>
          <Flex gap={12}>
            <Form.Item name="kind" label={t('portal.unit.kind')} rules={[reqSel]} style={{ flex: 1 }}><Select options={o.unitKind} /></Form.Item>
            <Form.Item name="year" label={t('portal.unit.year')} rules={[reqSel]} style={{ flex: 1 }}><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item name="provinceCode" label={t('portal.admin.province')} rules={[reqSel]} style={{ flex: 1 }}><Select showSearch optionFilterProp="label" options={o.provinces} /></Form.Item>
            <Form.Item name="city" label={t('portal.admin.city')} style={{ flex: 1 }}><Input /></Form.Item>
          </Flex>
          <Form.Item name="field" label={t('portal.unit.field')}><Input /></Form.Item>
          <Form.Item name="description" label={t('portal.admin.description')}><Input.TextArea rows={4} /></Form.Item>
        </>
      );
    case 'testing-organizations':
      return (
        <>
          <Form.Item name="name" label={t('portal.admin.name')} rules={[req]}><Input data-testid="f-name" /></Form.Item>
          <Form.Item name="accreditationNo" label={t('portal.org.accreditation')} rules={[req]}><Input /></Form.Item>
          <Form.Item name="provinceCode" label={t('portal.admin.province')} rules={[reqSel]}><Select showSearch optionFilterProp="label" options={o.provinces} /></Form.Item>
          <Form.Item name="scope" label={t('portal.org.scope')}><Input.TextArea rows={4} /></Form.Item>
          <Form.Item name="scopeFields" label={t('portal.org.scopeFields')} extra={t('portal.org.scopeFieldsHelp')}>
            <Select mode="multiple" allowClear data-testid="f-scopeFields" options={optionsOf(REMAN_FIELDS, o.locale)} />
          </Form.Item>
          <Form.Item name="website" label={t('portal.admin.website')}><Input /></Form.Item>
        </>
      );
  }
}

/** Empty strings of optional text fields go to the server as null (dates, code links) or are left out. */
function bodyOf(kind: Kind, v: Record<string, unknown>, creating: boolean): Record<string, unknown> {
  const nullable = new Set(['titleEn', 'issuedOn', 'effectiveOn', 'abolishedOn', 'replacedBy', 'docNumber', 'website']);
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined) continue;
    if ((val === '' || val === null) && nullable.has(k)) {
      if (!creating || (kind === 'policies' && k === 'issuedOn')) out[k] = val === '' ? null : val;
      continue;
    }
    out[k] = typeof val === 'string' ? val.trim() : val;
  }
  return out;
}

function EditDrawer({ kind, item, open, onClose }: { kind: Kind; item: AnyItem | null; open: boolean; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const [current, setCurrent] = useState<AnyItem | null>(item);
  const creating = !current;
  const save = useMutation({
    mutationFn: async () => {
      const v = await validated(form);
      if (!v) return null;
      const body = bodyOf(kind, v as Record<string, unknown>, creating);
      return creating ? api.create(kind, body) : api.update(kind, current.id, body);
    },
    onSuccess: (r) => {
      if (!r) return;
      message.success(t(creating ? 'portal.admin.draftSaved' : 'common.saved'));
      setCurrent(r);
      void qc.invalidateQueries({ queryKey: ['portal-admin', kind] });
    },
    onError: (e) => onError(e, form),
  });
  const attach = useMutation({
    mutationFn: (file: File) => {
      const fd = new FormData();
      fd.append('file', file, file.name);
      return upload('/api/v1/portal/policies/{id}/attachments', { id: current!.id }, fd) as Promise<AnyItem>;
    },
    onSuccess: (r) => {
      message.success(t('portal.admin.attached'));
      setCurrent(r);
      void qc.invalidateQueries({ queryKey: ['portal-admin', kind] });
    },
    onError: (e) => onError(e),
  });
  const attachments = (current?.attachments as Array<{ n: number; name: string; size: number }> | undefined) ?? [];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={720}
      destroyOnHidden
      title={creating ? t('portal.admin.new') : `${t('portal.admin.edit')}：${titleOf(kind, current)}`}
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="portal-save">
          {creating ? t('portal.admin.saveDraft') : t('common.save')}
        </Button>
      }
    >
      {current && (
        <Typography.Paragraph type="secondary">
          {t('portal.admin.state')}：<Tag color={STATE_COLOR[current.state]}>{t(`portal.admin.state.${current.state}` as MessageKey)}</Tag>
          {current.state === 'published' && t('portal.admin.publishedEditNote')}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={item ?? (kind === 'standards' ? { verified: false, drafters: [] } : {})} preserve={false}>
        <Fields kind={kind} />
      </Form>
      {kind === 'policies' && current && (
        <Card size="small" title={t('portal.pol.attachments')}>
          <List
            size="small"
            dataSource={attachments}
            locale={{ emptyText: t('portal.admin.noAttachments') }}
            renderItem={(a) => (
              <List.Item>
                <a href={`/api/v1/portal/policies/${current.id}/attachments/${a.n}`}>{a.name}</a> <Typography.Text type="secondary">{Math.ceil(a.size / 1024)} KB</Typography.Text>
              </List.Item>
            )}
          />
          <Upload
            accept=".pdf,.ofd,.jpg,.jpeg,.png"
            showUploadList={false}
            beforeUpload={(f) => {
              attach.mutate(f);
              return false;
            }}
          >
            <Button loading={attach.isPending} data-testid="portal-attach">{t('portal.admin.attach')}</Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('portal.admin.attachHelp')}</Typography.Paragraph>
        </Card>
      )}
    </Drawer>
  );
}

function HistoryDrawer({ kind, item, onClose }: { kind: Kind; item: AnyItem | null; onClose: () => void }) {
  const { t, locale } = useLocale();
  const actionLabel = (a: string) => {
    const key = `portal.admin.action.${a.split('.')[1] ?? ''}`;
    return hasKey(key) ? t(key) : a;
  };
  const res = useQuery({ enabled: !!item, queryKey: ['portal-admin', kind, 'history', item?.id], queryFn: ({ signal }) => api.history(kind, item!.id, signal) });
  return (
    <Drawer open={!!item} onClose={onClose} width={520} title={item ? `${t('portal.admin.history')}：${titleOf(kind, item)}` : ''}>
      <Timeline
        data-testid="portal-history"
        items={(res.data?.items ?? []).map((h) => ({
          children: (
            <>
              <Typography.Text strong>{actionLabel(h.action)}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{formatDateTime(h.at, locale)} · {h.actorUsername ?? '—'}</Typography.Text>
            </>
          ),
        }))}
      />
    </Drawer>
  );
}

function KindTab({ kind }: { kind: Kind }) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const q = params.get('q') ?? undefined;
  const state = params.get('state') ?? undefined;
  const [editing, setEditing] = useState<{ item: AnyItem | null } | null>(null);
  const [history, setHistory] = useState<AnyItem | null>(null);
  const res = useQuery({ queryKey: ['portal-admin', kind, q, state, page, pageSize], queryFn: ({ signal }) => api.list(kind, { q, state, page, pageSize }, signal) });

  const act = (i: AnyItem, action: 'publish' | 'withdraw') =>
    confirm({
      title: t(`portal.admin.${action}.title` as MessageKey, { name: titleOf(kind, i) }),
      consequence: t(`portal.admin.${action}.consequence` as MessageKey),
      okText: t(`portal.admin.${action}` as MessageKey),
      danger: action === 'withdraw',
      onOk: async () => {
        try {
          await api.act(kind, i.id, action);
          message.success(t(`portal.admin.${action}.done` as MessageKey));
        } catch (e) {
          onError(e);
          throw e;
        } finally {
          void qc.invalidateQueries({ queryKey: ['portal-admin', kind] });
          void qc.invalidateQueries({ queryKey: ['public'] });
        }
      },
    });

  const columns: TableColumnsType<AnyItem> = [
    { title: t('portal.admin.item'), key: 'title', render: (_, i) => <Typography.Text data-testid="portal-row-title">{titleOf(kind, i)}</Typography.Text> },
    ...(kind === 'standards' ? [{ title: t('portal.std.status'), key: 'status', width: 100, render: (_: unknown, i: AnyItem) => t(`portal.std.status.${String(i.status)}` as MessageKey) }] : []),
    ...(kind === 'policies' ? [{ title: t('portal.pol.category'), key: 'category', width: 100, render: (_: unknown, i: AnyItem) => t(`portal.pol.category.${String(i.category)}` as MessageKey) }] : []),
    ...(kind === 'demonstration-units' || kind === 'testing-organizations' ? [{ title: t('portal.admin.province'), key: 'province', width: 120, render: (_: unknown, i: AnyItem) => String(i.provinceName) }] : []),
    { title: t('portal.admin.state'), key: 'state', width: 90, render: (_, i) => <Tag color={STATE_COLOR[i.state]} data-testid="portal-row-state">{t(`portal.admin.state.${i.state}` as MessageKey)}</Tag> },
    { title: t('portal.admin.updatedAt'), key: 'updatedAt', width: 170, render: (_, i) => formatDateTime(i.updatedAt, locale) },
    {
      title: t('portal.admin.actions'),
      key: 'actions',
      render: (_, i) => (
        <Space size={4} wrap>
          {i.actions.includes('edit') && <Button size="small" onClick={() => setEditing({ item: i })} data-testid="portal-edit">{t('portal.admin.edit')}</Button>}
          {i.actions.includes('publish') && <Button size="small" type="primary" onClick={() => act(i, 'publish')} data-testid="portal-publish">{t('portal.admin.publish')}</Button>}
          {i.actions.includes('withdraw') && <Button size="small" onClick={() => act(i, 'withdraw')} data-testid="portal-withdraw">{t('portal.admin.withdraw')}</Button>}
          <Button size="small" type="link" onClick={() => setHistory(i)} data-testid="portal-history-open">{t('portal.admin.history')}</Button>
          {i.state === 'published' && <a href={PUBLIC_PATH[kind](i)} target="_blank" rel="noreferrer">{t('portal.admin.viewPublic')}</a>}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} justify="space-between">
        <Flex gap={8} wrap>
          <Input.Search aria-label={t('portal.q')} placeholder={t('portal.q')} defaultValue={q} allowClear onSearch={(v) => update({ q: v.trim(), page: 1 })} style={{ maxWidth: 280 }} data-testid="portal-admin-q" />
          <Select
            aria-label={t('portal.admin.state')}
            placeholder={t('portal.admin.state')}
            allowClear
            value={state}
            onChange={(v) => update({ state: v, page: 1 })}
            style={{ width: 140 }}
            options={['draft', 'published', 'withdrawn'].map((s) => ({ value: s, label: t(`portal.admin.state.${s}` as MessageKey) }))}
            data-testid="portal-admin-state"
          />
        </Flex>
        <Button type="primary" onClick={() => setEditing({ item: null })} data-testid="portal-new">{t('portal.admin.new')}</Button>
      </Flex>
      <Table rowKey="id" size="small" loading={res.isPending} dataSource={res.data?.items ?? []} pagination={pagination(res.data?.total ?? 0)} columns={columns} scroll={{ x: 860 }} />
      {editing && <EditDrawer key={editing.item?.id ?? 'new'} kind={kind} item={editing.item} open onClose={() => setEditing(null)} />}
      <HistoryDrawer kind={kind} item={history} onClose={() => setHistory(null)} />
    </>
  );
}

const TAB_LABEL: Record<Kind, MessageKey> = {
  standards: 'portal.nav.standards',
  policies: 'portal.nav.policies',
  'demonstration-units': 'portal.nav.units',
  'testing-organizations': 'portal.nav.orgs',
};

export default function PortalAdminPage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const param = useParams().kind ?? '';
  const kind: Kind = (KINDS as string[]).includes(param) ? (param as Kind) : 'standards';
  const tabs: { key: Kind; label: ReactNode; children: ReactNode }[] = KINDS.map((k) => ({ key: k, label: t(TAB_LABEL[k]), children: k === kind ? <KindTab kind={k} /> : null }));
  return (
    <>
      <PageHeader title={t('portal.admin.pageTitle')} subTitle={t('portal.admin.pageSub')} />
      <Card>
        <Tabs activeKey={kind} onChange={(k) => navigate(`/portal-admin/${k}`)} items={tabs} destroyOnHidden />
      </Card>
    </>
  );
}
