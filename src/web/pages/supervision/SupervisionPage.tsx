import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { CHANGE_FACT_KEYS, REVOCATION_GROUNDS } from '../../../domain/supervision/index';
import { client, unwrap } from '../../api';
import { useCurrentUser } from '../../auth';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorHandler } from '../../errors';
import { clauseRef, formatDateTime, todayShanghai } from '../../format';
import { LOCALE_TRAITS, pick, bilingual, useLocale } from '../../i18n';
import { isAuthorityRole, isEnterpriseRole, isMinistryRole } from '../../menu';
import { useUrlPaging } from '../../paging';
import { FilesPicker, postForm, StateTag } from './common';
import { FindingsTab } from './FindingsTab';
import type { ChangeRequest, Complaint, RevocationCase } from './supApi';
import { useT } from '../../i18n';

export const SUP_KEYS = { changes: ['sup', 'changes'], revocations: ['sup', 'revocations'], complaints: ['sup', 'complaints'] } as const;

// ---------------------------------------------------------------- changes

function NewChangeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const st = useT();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const sites = useQuery({
    queryKey: ['sites', me.organization.id],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/enterprises/{id}/sites', { params: { path: { id: me.organization.id } }, signal })),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: (v: { changeDate: string; siteId?: string; description: string; items: { fact: string; old?: string; new: string }[] }) =>
      postForm('/api/v1/changes', {}, { changeDate: v.changeDate, siteId: v.siteId, description: v.description, items: v.items.map((i) => ({ fact: i.fact, old: i.old ?? '', new: i.new })) }, files),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: SUP_KEYS.changes });
      onClose();
      navigate(`/supervision/changes/${c.id}`);
    },
    onError: (e) => onError(e, form),
  });
  return (
    <Modal open={open} width={720} title={st('chg.new')} onCancel={onClose} onOk={() => form.submit()} okText={st('sup.submit')} cancelText={st('sup.cancel')} confirmLoading={save.isPending}>
      <Typography.Paragraph type="secondary">{st('chg.rule')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ changeDate: todayShanghai(), items: [{ fact: 'enterpriseName' }] }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="changeDate" label={st('chg.changeDate')} rules={[{ required: true, message: st('common.required') }]}>
          <DateField />
        </Form.Item>
        <Form.Item name="siteId" label={st('chg.site')}>
          <Select allowClear options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Typography.Text strong>{st('chg.items')}</Typography.Text>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'fact']} style={{ width: 170 }} rules={[{ required: true, message: st('common.required') }]}>
                    <Select aria-label={st('chg.fact')} options={CHANGE_FACT_KEYS.map((k) => ({ value: k, label: st.dyn(`chg.fact.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'old']} style={{ flex: 1 }}>
                    <Input placeholder={st('chg.old')} aria-label={st('chg.old')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'new']} style={{ flex: 1 }} rules={[{ required: true, message: st('common.required') }]}>
                    <Input placeholder={st('chg.new.value')} aria-label={st('chg.new.value')} data-testid="change-new-value" />
                  </Form.Item>
                  {fields.length > 1 ? <Button onClick={() => remove(f.name)}>−</Button> : null}
                </Flex>
              ))}
              <Button size="small" onClick={() => add({ fact: 'other' })} style={{ marginBottom: 16 }}>
                {st('chg.addItem')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="description" label={st('chg.description')} rules={[{ required: true, min: 5, message: st('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} data-testid="change-description" />
        </Form.Item>
        <Form.Item label={st('sup.files')}>
          <FilesPicker files={files} onChange={setFiles} testId="change-files" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ChangesTab() {
  const st = useT();
  const { locale } = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [creating, setCreating] = useState(false);
  const { page, pageSize, update, pagination } = useUrlPaging();
  const list = useQuery({
    queryKey: [...SUP_KEYS.changes, overdueOnly, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/changes', { params: { query: { page, pageSize, ...(overdueOnly ? { overdue: 'true' as const } : {}) } }, signal })),
  });
  const flag = useMutation({
    mutationFn: () => unwrap(client.POST('/api/v1/changes/flag-overdue', { body: {} })),
    onSuccess: (r) => {
      void message.success(st('chg.flagged', { n: r.flagged }));
      void qc.invalidateQueries({ queryKey: SUP_KEYS.changes });
    },
    onError: (e) => onError(e),
  });
  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 12 }} wrap gap={8}>
        <Checkbox checked={overdueOnly} onChange={(e) => {
            setOverdueOnly(e.target.checked);
            update({ page: 1 });
          }} data-testid="changes-overdue-only">
          {st('chg.overdueOnly')}
        </Checkbox>
        <Space>
          {isMinistryRole(me.role) ? <Button onClick={() => flag.mutate()} loading={flag.isPending}>{st('chg.flag')}</Button> : null}
          {me.role === 'enterprise_admin' ? (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="change-new">
              {st('chg.new')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Table<ChangeRequest>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: st('sup.none') }}
        data-testid="changes-table"
        pagination={pagination(list.data?.total ?? 0)}
        columns={[
          { title: st('sup.enterprise'), key: 'e', render: (_, c) => <Typography.Link onClick={() => navigate(`/supervision/changes/${c.id}`)}>{c.enterpriseName}</Typography.Link> },
          { title: st('chg.items'), key: 'items', render: (_, c) => c.items.map((i) => (bilingual(locale, i.factZh, i.factEn))).join('、') },
          { title: st('chg.changeDate'), dataIndex: 'changeDate', width: 120 },
          { title: st('chg.deadline'), key: 'deadline', width: 170, render: (_, c) => <Space>{c.deadline}{c.overdue ? <Tag color="red">{st('chg.overdue')}</Tag> : null}</Space> },
          { title: st('sup.state'), key: 'state', width: 190, render: (_, c) => <StateTag kind="chg" state={c.state} /> },
        ]}
      />
      <NewChangeModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

// ---------------------------------------------------------------- revocations

function NewCaseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const st = useT();
  const { locale } = useLocale();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const ents = useQuery({
    queryKey: ['enterprises', 'for-revocation'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/enterprises', { params: { query: { pageSize: 200 } }, signal })),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: (v: { enterpriseId: string; grounds: string[]; facts: string }) => postForm('/api/v1/revocations', {}, v, files),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: SUP_KEYS.revocations });
      onClose();
      navigate(`/supervision/revocations/${c.id}`);
    },
    onError: (e) => onError(e, form),
  });
  return (
    <Modal open={open} width={720} title={isMinistryRole(me.role) ? st('rev.new.ministry') : st('rev.new.authority')} onCancel={onClose} onOk={() => form.submit()} okText={st('sup.submit')} cancelText={st('sup.cancel')} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="enterpriseId" label={st('sup.enterprise')} rules={[{ required: true, message: st('common.required') }]}>
          <Select showSearch optionFilterProp="label" options={(ents.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} data-testid="revocation-enterprise" />
        </Form.Item>
        <Form.Item name="grounds" label={st('rev.grounds')} rules={[{ required: true, message: st('common.required') }]}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={REVOCATION_GROUNDS.map((g) => ({ value: g.key, label: `${clauseRef(g.clause, locale)} ${pick(locale, g)}` }))} />
        </Form.Item>
        <Form.Item name="facts" label={st('rev.facts')} rules={[{ required: true, min: 5, message: st('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item label={st('rev.evidence')}>
          <FilesPicker files={files} onChange={setFiles} testId="revocation-files" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RevocationsTab() {
  const st = useT();
  const { locale } = useLocale();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { page, pageSize, pagination } = useUrlPaging();
  const list = useQuery({ queryKey: [...SUP_KEYS.revocations, page, pageSize], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/revocations', { params: { query: { page, pageSize } }, signal })) });
  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Text type="secondary">{st('rev.hearingRule')}</Typography.Text>
        {isAuthorityRole(me.role) || isMinistryRole(me.role) ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="revocation-new">
            {isMinistryRole(me.role) ? st('rev.new.ministry') : st('rev.new.authority')}
          </Button>
        ) : null}
      </Flex>
      <Table<RevocationCase>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: st('sup.none') }}
        data-testid="revocations-table"
        pagination={pagination(list.data?.total ?? 0)}
        columns={[
          { title: st('sup.enterprise'), key: 'e', render: (_, c) => <Typography.Link onClick={() => navigate(`/supervision/revocations/${c.id}`)}>{c.enterpriseName}</Typography.Link> },
          { title: st('rev.grounds'), key: 'g', render: (_, c) => c.grounds.map((g) => clauseRef(g.clause, locale)).join(LOCALE_TRAITS[locale].listSep) },
          { title: st('rev.origin'), key: 'o', width: 140, render: (_, c) => st.dyn(`rev.origin.${c.origin}`) },
          { title: st('rev.statementDue'), dataIndex: 'statementDue', width: 140, render: (v: string | null) => v ?? '—' },
          { title: st('sup.state'), key: 's', width: 200, render: (_, c) => <Space><StateTag kind="rev" state={c.state} />{c.rectificationState ? <Tag>{st.dyn(`rev.rect.${c.rectificationState}`)}</Tag> : null}</Space> },
        ]}
      />
      <NewCaseModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

// ---------------------------------------------------------------- complaints

function ComplaintsTab() {
  const st = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { page, pageSize, pagination } = useUrlPaging();
  const list = useQuery({ queryKey: [...SUP_KEYS.complaints, page, pageSize], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/complaints', { params: { query: { page, pageSize } }, signal })) });
  return (
    <Table<Complaint>
      rowKey="id"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: st('sup.none') }}
      data-testid="complaints-table"
      pagination={pagination(list.data?.total ?? 0)}
      columns={[
        { title: st('cmp.subject'), key: 's', render: (_, c) => <Typography.Link onClick={() => navigate(`/supervision/complaints/${c.id}`)} data-testid="complaint-row-link">{c.subject}</Typography.Link> },
        { title: st('cmp.enterpriseName'), key: 'e', render: (_, c) => <Space>{c.enterpriseName}{c.enterpriseId ? null : <Tag>{st('cmp.unmatched')}</Tag>}</Space> },
        { title: st('cmp.trackCode'), dataIndex: 'trackingCode', width: 140 },
        { title: st('cmp.filedAt'), key: 'f', width: 170, render: (_, c) => formatDateTime(c.filedAt, locale) },
        { title: st('sup.state'), key: 'st', width: 160, render: (_, c) => <StateTag kind="cmp" state={c.state} /> },
      ]}
    />
  );
}

/** 动态管理: changes, revocation cases and (for MIIT and authorities) complaints, each in a tab. */
export default function SupervisionPage() {
  const st = useT();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const handler = isAuthorityRole(me.role) || isMinistryRole(me.role);
  const tab = params.get('tab') ?? 'changes';
  const items = [
    { key: 'changes', label: st('sup.tab.changes'), children: <ChangesTab /> },
    { key: 'revocations', label: st('sup.tab.revocations'), children: <RevocationsTab /> },
    ...(handler ? [{ key: 'complaints', label: st('sup.tab.complaints'), children: <ComplaintsTab /> }] : []),
    // 七(二)4(1) prompts for the authorities and MIIT (issue 15 items 13, 15)
    ...(handler ? [{ key: 'findings', label: st('sup.tab.findings'), children: <FindingsTab /> }] : []),
  ];
  return (
    <>
      <PageHeader title={st('sup.title')} subTitle={st('sup.sub')} />
      {isEnterpriseRole(me.role) && me.role !== 'enterprise_admin' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={st('chg.rule')} /> : null}
      <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} items={items.map((i) => ({ ...i, label: <span data-testid={`sup-tab-${i.key}`}>{i.label}</span> }))} />
    </>
  );
}
