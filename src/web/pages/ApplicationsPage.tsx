import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Modal, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, client, unwrap, type ApplicationSummary, type MissingItemWire } from '../api';
import { useCurrentUser } from '../auth';
import { ApplicationStateTag, FieldTags } from '../components/ApplicationStateTag';
import { DateField } from '../components/DateField';
import { PageHeader } from '../components/PageHeader';
import { useApiErrorHandler } from '../errors';
import { applicationStateOptions, formatDate, formatDateTime } from '../format';
import { pick, useLocale } from '../i18n';
import { isEnterpriseRole, organizationKindOf } from '../menu';
import { qk, useAuthorities, useAuthorityName, useSites, WORKFLOW_KEYS } from '../queries';
import { useUrlPaging } from '../paging';
import { APPLICATION_STATES } from '../../domain/announcement/workflow';

const SUBMITTABLE = new Set(['draft', 'returned']);
const OPEN_STATES: string[] = APPLICATION_STATES.filter((x) => !x.terminal).map((x) => x.key);

interface IncompleteDetail {
  applicationId: string;
  missing: MissingItemWire[];
}

export default function ApplicationsPage() {
  const me = useCurrentUser();
  const { locale, t } = useLocale();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const authorityName = useAuthorityName();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const viewerKind = organizationKindOf(me.role);
  // an expert's list hides finished cases unless asked (issue 16 item 9): the open states by default
  const expertDefault = viewerKind === 'expert' && params.get('state') === null;
  const states = expertDefault ? OPEN_STATES : (params.get('state') ?? '').split(',').filter(Boolean);
  const isEnterprise = isEnterpriseRole(me.role);
  const canSubmit = me.role === 'enterprise_admin';
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ siteId: string }>();
  const sites = useSites(isEnterprise && me.organization.kind === 'enterprise' ? me.organization.id : undefined);


  // 筛选 (issue 16 item 11): in the URL with the page; the reviewing authority only for the ministry
  const isMinistry = viewerKind === 'ministry';
  const authorities = useAuthorities(isMinistry);
  const filter = {
    authority: (isMinistry && params.get('authority')) || undefined,
    enterprise: params.get('enterprise') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
  };
  const setFilter = (k: keyof typeof filter, v: string | null | undefined) => update({ [k]: v ?? undefined, page: 1 });
  const listParams = { page, pageSize, state: states.join(',') || undefined, ...filter };
  const list = useQuery({
    queryKey: qk.applications(listParams),
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/applications', { params: { query: listParams }, signal })),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.items ?? [];

  const invalidate = () => {
    for (const key of WORKFLOW_KEYS) void qc.invalidateQueries({ queryKey: key });
  };

  const create = useMutation({
    mutationFn: (siteId: string) => unwrap(client.POST('/api/v1/applications', { body: { siteId } })),
    onSuccess: (created) => {
      message.success(t('common.created'));
      setCreating(false);
      qc.setQueryData(qk.application(created.id), created);
      invalidate();
      navigate(`/applications/${created.id}`);
    },
    onError: (e) => {
      // One open application per site: offer the one in progress.
      if (e instanceof ApiError && e.code === 'APPLICATION_OPEN') {
        const existing = (e.details as { applicationId?: string } | null)?.applicationId;
        modal.warning({
          title: e.localized(locale),
          okText: existing ? t('apps.openExisting') : t('common.ok'),
          onOk: () => {
            setCreating(false);
            if (existing) navigate(`/applications/${existing}`);
          },
        });
        return;
      }
      onError(e, form);
    },
  });

  const submitTogether = useMutation({
    mutationFn: ({ ids, notApplyingNow }: { ids: string[]; notApplyingNow?: string[] }) =>
      unwrap(client.POST('/api/v1/applications/submit', { body: { applicationIds: ids, ...(notApplyingNow?.length ? { notApplyingNow } : {}) } })),
    onSuccess: (res) => {
      message.success(t('apps.submittedN', { n: res.items.length }));
      setSelected([]);
      invalidate();
    },
    onError: (e, vars) => {
      // 规范条件 七(一)3: other sites' drafts not selected are submitted only once confirmed as not applied for now
      const others = e instanceof ApiError && e.code === 'OTHER_SITES_IN_DRAFT' ? ((e.details as { drafts?: { applicationId: string; siteName?: string }[] } | undefined)?.drafts ?? []) : [];
      if (others.length) {
        modal.confirm({
          title: t('apps.otherDraftsTitle'),
          width: 560,
          content: (
            <div data-testid="submit-other-drafts">
              <Typography.Paragraph>{t('apps.otherDraftsText')}</Typography.Paragraph>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {others.map((d) => (
                  <li key={d.applicationId}>{d.siteName || d.applicationId}</li>
                ))}
              </ul>
            </div>
          ),
          okText: t('apps.otherDraftsNotNow'),
          cancelText: t('common.cancel'),
          onOk: () => submitTogether.mutateAsync({ ids: vars.ids, notApplyingNow: [...(vars.notApplyingNow ?? []), ...others.map((d) => d.applicationId)] }).catch(() => undefined),
        });
        return;
      }
      if (e instanceof ApiError && e.code === 'APPLICATION_INCOMPLETE' && Array.isArray(e.details)) {
        const details = e.details as IncompleteDetail[];
        modal.error({
          title: t('apps.incompleteTitle'),
          width: 640,
          content: (
            <div data-testid="submit-incomplete" style={{ maxHeight: 420, overflow: 'auto' }}>
              {details.map((d) => {
                const row = rows.find((r) => r.id === d.applicationId);
                const name = row ? `${row.enterpriseName}（${row.siteName}）` : d.applicationId;
                return (
                  <div key={d.applicationId} style={{ marginBottom: 12 }}>
                    <Typography.Link onClick={() => { Modal.destroyAll(); navigate(`/applications/${d.applicationId}`); }}>
                      {t('apps.incompleteOf', { name, n: d.missing.length })}
                    </Typography.Link>
                    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                      {d.missing.slice(0, 12).map((m) => (
                        <li key={m.path}>{pick(locale, m)}</li>
                      ))}
                      {d.missing.length > 12 ? <li>…</li> : null}
                    </ul>
                  </div>
                );
              })}
            </div>
          ),
        });
        return;
      }
      onError(e);
    },
  });

  const confirmSubmitTogether = () => {
    modal.confirm({
      title: t('apps.submitTogether'),
      content: t('apps.submitTogetherConfirm', { n: selected.length }),
      okText: t('common.submit'),
      cancelText: t('common.cancel'),
      onOk: () => submitTogether.mutateAsync({ ids: selected }).catch(() => undefined),
    });
  };

  // an expert: 待我处理 only where their own opinion is still due (not every case awaiting "an expert")
  const awaitingMe = (a: ApplicationSummary) =>
    viewerKind === 'expert' ? a.myOpinion === 'pending' && a.state === 'expert_review' : a.awaiting !== null && a.awaiting === viewerKind;

  const columns: TableColumnsType<ApplicationSummary> = [
    ...(isEnterprise
      ? []
      : [
          {
            title: t('apps.enterprise'),
            key: 'enterprise',
            render: (_: unknown, a: ApplicationSummary) => <Typography.Link onClick={() => navigate(`/applications/${a.id}`)}>{a.enterpriseName}</Typography.Link>,
          },
        ]),
    {
      title: t('apps.site'),
      key: 'site',
      render: (_, a) => (isEnterprise ? <Typography.Link onClick={() => navigate(`/applications/${a.id}`)}>{a.siteName}</Typography.Link> : a.siteName),
    },
    { title: t('apps.authority'), key: 'authority', render: (_, a) => authorityName(a.authority) },
    { title: t('apps.fields'), key: 'fields', render: (_, a) => <FieldTags fields={a.fields} /> },
    {
      title: t('apps.state'),
      key: 'state',
      render: (_, a) => (
        <Flex gap={4} wrap>
          <ApplicationStateTag state={a.state} />
          {typeof a.missingCount === 'number' ? (
            <Tag color={a.missingCount === 0 ? 'green' : 'default'} data-testid="missing-count" style={{ marginInlineEnd: 0 }}>
              {a.missingCount === 0 ? t('apps.complete') : t('apps.missingN', { n: a.missingCount })}
            </Tag>
          ) : null}
          {awaitingMe(a) ? (
            <Tag color="gold" data-testid="awaiting-me" style={{ marginInlineEnd: 0 }}>
              {t('apps.awaitingMe')}
            </Tag>
          ) : null}
          {a.myOpinion === 'submitted' ? (
            <Tag color="green" data-testid="opinion-submitted" style={{ marginInlineEnd: 0 }}>
              {t('ux.apps.opinionSubmitted')}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    { title: t('apps.version'), key: 'version', width: 70, render: (_, a) => a.version },
    // dates never wrap mid-date (issue 16 item 7)
    { title: t('apps.submittedAt'), key: 'submittedAt', onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, a) => formatDate(a.submittedAt, locale) },
    { title: t('apps.updatedAt'), key: 'updatedAt', onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, a) => formatDateTime(a.updatedAt, locale) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, a) => (
        <Button size="small" type={awaitingMe(a) ? 'primary' : 'default'} onClick={() => navigate(`/applications/${a.id}`)} data-testid={`application-open-${a.id}`}>
          {t('common.view')}
        </Button>
      ),
    },
  ];

  const title = isEnterprise ? t('apps.title.enterprise') : viewerKind === 'expert' ? t('apps.title.expert') : t('apps.title.review');

  return (
    <>
      <PageHeader
        title={title}
        subTitle={isEnterprise ? t('apps.intro.enterprise') : undefined}
        extra={
          isEnterprise ? (
            <>
              {canSubmit ? (
                <Button
                  disabled={selected.length === 0}
                  loading={submitTogether.isPending}
                  onClick={confirmSubmitTogether}
                  data-testid="application-submit-together"
                >
                  {t('apps.submitTogether')}
                  {selected.length > 0 ? `（${selected.length}）` : ''}
                </Button>
              ) : null}
              <Button
                type="primary"
                data-testid="application-new"
                onClick={() => {
                  form.resetFields();
                  setCreating(true);
                }}
              >
                {t('apps.new')}
              </Button>
            </>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select
            mode="multiple"
            allowClear
            value={states}
            onChange={(v: string[]) => update({ state: v.join(','), page: 1 })}
            options={applicationStateOptions(locale)}
            placeholder={t('apps.allStates')}
            aria-label={t('apps.state')}
            style={{ minWidth: 260, maxWidth: '100%' }}
            maxTagCount="responsive"
            data-testid="application-state-filter"
          />
          {isMinistry ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filter.authority}
              onChange={(v: string | undefined) => setFilter('authority', v)}
              options={(authorities.data?.items ?? []).filter((a) => a.kind !== 'ministry').map((a) => ({ value: a.id, label: authorityName(a) }))}
              placeholder={t('ux.apps.filter.authority')}
              aria-label={t('ux.apps.filter.authority')}
              style={{ width: 220 }}
              data-testid="application-authority-filter"
            />
          ) : null}
          {!isEnterprise && viewerKind !== 'expert' ? (
            <>
              <Input.Search
                allowClear
                defaultValue={filter.enterprise}
                placeholder={t('ux.apps.filter.enterprise')}
                aria-label={t('ux.apps.filter.enterprise')}
                onSearch={(v) => setFilter('enterprise', v.trim())}
                style={{ width: 240 }}
                data-testid="application-enterprise-filter"
              />
              <Flex gap={6} align="center">
                <Typography.Text type="secondary">{t('ux.apps.filter.submitted')}</Typography.Text>
                <span style={{ width: 140 }}>
                  <DateField value={filter.from ?? null} onChange={(v) => setFilter('from', v)} placeholder={t('audit.filter.from')} data-testid="application-from-filter" />
                </span>
                <span>–</span>
                <span style={{ width: 140 }}>
                  <DateField value={filter.to ?? null} onChange={(v) => setFilter('to', v)} placeholder={t('audit.filter.to')} data-testid="application-to-filter" />
                </span>
              </Flex>
            </>
          ) : null}
          {viewerKind === 'expert' ? (
            <Checkbox
              checked={states.length === 0 || states.some((x) => !OPEN_STATES.includes(x))}
              onChange={(e) => update({ state: (e.target.checked ? APPLICATION_STATES.map((x) => x.key) : OPEN_STATES).join(','), page: 1 })}
              data-testid="show-closed"
            >
              {t('ux.apps.showClosed')}
            </Checkbox>
          ) : null}
          {canSubmit ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('apps.submitTogetherHint')}
            </Typography.Text>
          ) : null}
        </Flex>
        <Table<ApplicationSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={list.isFetching}
          data-testid="applications-table"
          rowClassName={(a) => (awaitingMe(a) ? 'reman-row-awaiting' : '')}
          rowSelection={
            canSubmit
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                  getCheckboxProps: (a) => ({ disabled: !SUBMITTABLE.has(a.state) || (a.missingCount ?? 0) > 0, name: a.siteName }),
                }
              : undefined
          }
          locale={{ emptyText: list.isError ? t('common.loadFailed') : t('apps.empty') }}
          pagination={pagination(list.data?.total ?? 0)}
          scroll={{ x: 1000 }}
        />
      </Card>
      <Modal
        open={creating}
        title={t('apps.newTitle')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('apps.create')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        okButtonProps={{ disabled: (sites.data?.items.length ?? 0) === 0, 'data-testid': 'application-create' }}
        forceRender
      >
        {sites.data && sites.data.items.length === 0 ? <Alert type="warning" showIcon title={t('apps.noSites')} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v.siteId)}>
          <Form.Item name="siteId" label={t('apps.pickSite')} extra={t('apps.pickSiteHint')} rules={[{ required: true, message: t('common.pleaseSelect') }]}>
            <Select
              loading={sites.isLoading}
              placeholder={t('common.pleaseSelect')}
              options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} — ${s.address}` }))}
              data-testid="application-site"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
