import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, ConfigProvider, Flex, Form, Modal, Radio, Result, Tabs, Tag, Typography } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, client, unwrap, type ApiErrorDetail, type ApplicationDetail, type MissingItemWire } from '../api';
import { useCurrentUser } from '../auth';
import { ActionPanel, PANEL_EVENTS } from '../components/application/ActionPanel';
import { AttachmentsTab } from '../components/application/AttachmentsTab';
import { ConditionsTab, MissingList } from '../components/application/ConditionsTab';
import {
  DeclarationSection,
  DeclarationsSection,
  FieldsSection,
  OutlineSection,
  Table11Section,
  Table12Section,
} from '../components/application/FormSections';
import { fieldDomId, fromFormValues, namePathOf, samePath, splitRowErrors, tabOfPath, toFormValues, withoutRows, type ApplicationTab, type FieldError, type FormValues } from '../components/application/formModel';
import { ProcessTab } from '../components/application/ProcessTab';
import { ApplicationStateTag } from '../components/ApplicationStateTag';
import { useLeaveGuard } from '../components/LeaveGuard';
import { PageHeader } from '../components/PageHeader';
import { PageLoading } from '../components/PageLoading';
import { errorText, useApiErrorHandler } from '../errors';
import { formatDateTime } from '../format';
import { bilingual, useLocale } from '../i18n';
import { applicationDocxUrl } from '../links';
import { organizationKindOf } from '../menu';
import { qk, useAuthorityName, WORKFLOW_KEYS } from '../queries';

const TABS: readonly ApplicationTab[] = ['declaration', 'fields', 'outline', 'table11', 'table12', 'declarations', 'attachments', 'conditions', 'process'];
const isTab = (v: string | null): v is ApplicationTab => !!v && (TABS as readonly string[]).includes(v);

const SAVE_FAILED = 'SAVE_FAILED';

/** The tabs that are not part of the (possibly read-only) form keep their links, tags and buttons live. */
function Enabled({ children }: { children: ReactNode }) {
  return <ConfigProvider componentDisabled={false}>{children}</ConfigProvider>;
}

interface FieldProblem {
  path: string;
  label: string;
  text: string;
}

/** The visible label of a form field, or its path when it has none (table cells). */
function fieldLabel(name: (string | number)[]): string {
  const id = fieldDomId(name);
  const label = document.querySelector(`label[for="${id}"]`)?.textContent?.trim();
  if (label) return label;
  // a cell of a list table: its column header and the row number
  const cell = document.getElementById(id)?.closest('td');
  const header = cell ? cell.closest('table')?.querySelectorAll('thead th')[cell.cellIndex]?.textContent?.trim() : undefined;
  const row = [...name].reverse().find((x) => typeof x === 'number');
  if (header) return typeof row === 'number' ? `${header} #${row + 1}` : header;
  return name.join('.');
}

function detailText(d: ApiErrorDetail, locale: 'zh' | 'en'): string {
  const zh = typeof d.message === 'string' ? d.message : '';
  const en = typeof d.messageEn === 'string' ? d.messageEn : '';
  return bilingual(locale, zh || en, en || zh);
}

function ApplicationEditor({ detail }: { detail: ApplicationDetail }) {
  const me = useCurrentUser();
  const { locale, t } = useLocale();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const authorityName = useAuthorityName();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const editable = detail.actions.includes('edit');
  const canSubmit = detail.actions.includes('submit');
  const viewerKind = organizationKindOf(me.role);
  // The form is seeded once per mount (the page remounts the editor on a new state or version).
  const [initialValues] = useState(() => toFormValues(detail.form));
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [missing, setMissing] = useState<MissingItemWire[] | null>(null);

  const tabParam = params.get('tab');
  // The applicant lands on its form (once submitted, on the progress); a reviewer with a step to take on the
  // conditions check, otherwise on the progress (表1-3, opinions, on-site checks).
  const hasStep = detail.actions.some((a) => PANEL_EVENTS.has(a));
  const defaultTab: ApplicationTab = editable ? 'declaration' : viewerKind !== 'enterprise' && hasStep ? 'conditions' : 'process';
  const activeTab: ApplicationTab = isTab(tabParam) ? tabParam : defaultTab;
  const setTab = useCallback(
    (tab: ApplicationTab) => {
      const next = new URLSearchParams(params);
      next.set('tab', tab);
      setParams(next, { replace: true });
    },
    [params, setParams],
  );

  // Leaving the page with unsaved edits (menu, 返回, a link, closing the tab) asks first; tabs switch freely.
  useLeaveGuard(dirty);

  /** Switch to the tab of a form path (or attachments.<slot>) and bring the field into view. */
  const jumpTo = useCallback(
    (path: string) => {
      const tab = tabOfPath(path);
      setTab(tab);
      const name = namePathOf(path);
      window.setTimeout(() => {
        if (tab === 'attachments') {
          document.querySelector(`[data-testid="attachment-upload-${String(name[1])}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
          return;
        }
        const registered = form.getFieldsError().some((f) => samePath(f.name, name));
        if (registered) form.scrollToField(name, { block: 'center' });
        else document.getElementById(fieldDomId(name))?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }, 80);
    },
    [form, setTab],
  );

  const invalidate = () => {
    for (const key of WORKFLOW_KEYS) void qc.invalidateQueries({ queryKey: key });
  };

  /** Server validation details → form fields; the rest listed above the tabs. */
  const applyServerErrors = (err: ApiError): boolean => {
    const details = err.fieldDetails.filter((d) => typeof d.field === 'string');
    if (details.length === 0) return false;
    const registered = form.getFieldsError().map((f) => f.name);
    const list: FieldProblem[] = [];
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    for (const d of details) {
      const path = String(d.field);
      const name = namePathOf(path);
      const text = detailText(d, locale);
      list.push({ path: name.join('.'), label: fieldLabel(name), text });
      if (registered.some((r) => samePath(r, name))) fields.push({ name, errors: [text] });
    }
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    setProblems(list);
    if (list[0]) jumpTo(list[0].path);
    return true;
  };

  const save = useMutation({
    mutationFn: async () => {
      const invalid = await form.validateFields({ validateOnly: false }).then(
        () => [] as FieldError[],
        (e: { errorFields?: FieldError[] }) => {
          if (!e.errorFields) throw e;
          return e.errorFields;
        },
      );
      // A half-filled table row does not hold back the rest (issue 16 item 2): the rows with an empty required cell
      // stay in the editor, marked, and are left out of this save; any other invalid field still refuses it.
      const { rows, others } = splitRowErrors(invalid);
      if (others.length) {
        jumpTo(others[0]!.name.join('.'));
        throw { errorFields: others };
      }
      const values = withoutRows(form.getFieldsValue(true) as FormValues, rows);
      const updated = await unwrap(client.PUT('/api/v1/applications/{id}/form', { params: { path: { id: detail.id } }, body: { form: fromFormValues(values) } }));
      return { updated, heldRows: rows };
    },
    onSuccess: ({ updated, heldRows }) => {
      qc.setQueryData(qk.application(detail.id), updated);
      invalidate();
      setProblems([]);
      if (heldRows.length) {
        // the incomplete rows are still unsaved edits: the editor keeps them, marked, and still asks before leaving
        message.warning({ content: t('app.savedRowsHeld', { n: heldRows.length }), key: 'rows-held' });
        jumpTo(heldRows[0]!.first.join('.'));
        return;
      }
      setDirty(false);
      message.success(t('common.saved'));
    },
    onError: (e) => {
      if ((e as { errorFields?: unknown }).errorFields) {
        message.error(t('app.listRowsInvalid'));
        return;
      }
      if (e instanceof ApiError && e.status === 400 && applyServerErrors(e)) {
        message.error(t('app.saveErrors'));
        return;
      }
      onError(e);
    },
  });

  // 七(一)3 一并提交: the enterprise's other drafts, each submitted together or confirmed "not now"
  const drafts = useQuery({
    queryKey: ['applications', 'drafts-of-enterprise'],
    queryFn: () => unwrap(client.GET('/api/v1/applications', { params: { query: { state: 'draft', pageSize: 200 } } })),
    enabled: canSubmit,
  });
  const otherDrafts = (drafts.data?.items ?? []).filter((x) => x.id !== detail.id);
  const [jointOpen, setJointOpen] = useState(false);
  const [jointChoice, setJointChoice] = useState<Record<string, 'together' | 'not_now'>>({});

  const submit = useMutation({
    mutationFn: async (joint: { together: string[]; notNow: string[] } = { together: [], notNow: [] }) => {
      if (dirty) {
        let held = 0;
        try {
          held = (await save.mutateAsync()).heldRows.length;
        } catch {
          throw new Error(SAVE_FAILED); // save's own handler has shown why
        }
        // an incomplete row is not submitted silently: the save's warning has marked it
        if (held) throw new Error(SAVE_FAILED);
      }
      return unwrap(client.POST('/api/v1/applications/submit', { body: { applicationIds: [detail.id, ...joint.together], notApplyingNow: joint.notNow } }));
    },
    onSuccess: async () => {
      setMissing(null);
      setJointOpen(false);
      await qc.invalidateQueries({ queryKey: ['applications'] });
      message.success(t('app.submitted'));
      await qc.invalidateQueries({ queryKey: qk.application(detail.id) });
      invalidate();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'APPLICATION_INCOMPLETE') {
        const first = Array.isArray(e.details) ? (e.details[0] as { missing?: MissingItemWire[] } | undefined) : undefined;
        const list = first?.missing ?? [];
        setMissing(list);
        window.scrollTo({ top: 0, behavior: 'smooth' });
        message.error(t('app.missingTitle', { n: list.length }));
        return;
      }
      if (e instanceof ApiError && e.code === 'OTHER_SITES_IN_DRAFT') {
        // a draft appeared since the page loaded: ask again with the current list
        void drafts.refetch().then(() => setJointOpen(true));
        return;
      }
      if (e instanceof Error && e.message === SAVE_FAILED) return;
      onError(e);
    },
  });

  const jointReady = otherDrafts.every((x) => jointChoice[x.id]);
  const submitJoint = () =>
    submit
      .mutateAsync({
        together: otherDrafts.filter((x) => jointChoice[x.id] === 'together').map((x) => x.id),
        notNow: otherDrafts.filter((x) => jointChoice[x.id] === 'not_now').map((x) => x.id),
      })
      .catch(() => undefined);

  const confirmSubmit = () =>
    otherDrafts.length > 0 ? setJointOpen(true) :
    modal.confirm({
      title: t('app.submit'),
      content: t('app.submitConfirm'),
      okText: t('common.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'action-confirm' },
      onOk: () => submit.mutateAsync({ together: [], notNow: [] }).catch(() => undefined),
    });

  const jointDialog = (
    <Modal
      open={jointOpen}
      title={t('proc.joint.title')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      onCancel={() => setJointOpen(false)}
      onOk={submitJoint}
      okButtonProps={{ disabled: !jointReady, 'data-testid': 'joint-submit-confirm' } as never}
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('proc.joint.intro')}</Typography.Paragraph>
      <Flex vertical gap={8} data-testid="joint-drafts">
        {otherDrafts.map((x) => (
          <Flex key={x.id} justify="space-between" align="center" gap={12} data-testid={`joint-draft-${x.id}`}>
            <span>
              {x.siteName}
              {x.missingCount ? (
                <Tag color="warning" style={{ marginInlineStart: 8 }}>
                  {t('proc.joint.missing', { n: x.missingCount })}
                </Tag>
              ) : null}
            </span>
            <Radio.Group
              value={jointChoice[x.id]}
              onChange={(ev) => setJointChoice((c) => ({ ...c, [x.id]: ev.target.value as 'together' | 'not_now' }))}
              optionType="button"
              options={[
                { value: 'together', label: t('proc.joint.together') },
                { value: 'not_now', label: t('proc.joint.notNow') },
              ]}
            />
          </Flex>
        ))}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {jointReady ? t('proc.joint.recorded') : t('proc.joint.choose')}
      </Typography.Paragraph>
    </Modal>
  );

  const formTab = (key: ApplicationTab, label: string, children: ReactNode) => ({
    key,
    label,
    forceRender: true,
    children,
  });

  const attachmentsMissing = detail.missing.filter((m) => m.path.startsWith('attachments.')).length;

  const items = [
    formTab('declaration', t('app.tabs.declaration'), <DeclarationSection />),
    formTab('fields', t('app.tabs.fields'), <FieldsSection />),
    formTab('outline', t('app.tabs.outline'), <OutlineSection />),
    formTab('table11', t('app.tabs.table11'), <Table11Section enterpriseName={detail.enterpriseName} siteName={detail.siteName} />),
    formTab('table12', t('app.tabs.table12'), <Table12Section editable={editable} onGoto={setTab} />),
    formTab('declarations', t('app.tabs.declarations'), <DeclarationsSection />),
    {
      key: 'attachments',
      label: (
        <span>
          {t('app.tabs.attachments')}
          {editable && attachmentsMissing > 0 ? <Badge count={attachmentsMissing} size="small" style={{ marginInlineStart: 6 }} /> : null}
        </span>
      ),
      children: <Enabled><AttachmentsTab detail={detail} editable={editable} /></Enabled>,
    },
    {
      key: 'conditions',
      label: t('app.tabs.conditions'),
      children: activeTab === 'conditions' ? <Enabled><ConditionsTab detail={detail} editable={editable} onJump={jumpTo} /></Enabled> : null,
    },
    { key: 'process', label: t('app.tabs.process'), children: <Enabled><ProcessTab detail={detail} viewerKind={viewerKind} /></Enabled> },
  ];

  const frozen = !['draft', 'returned'].includes(detail.state);

  return (
    <>
      <PageHeader
        backTo="/applications"
        title={
          <span>
            {detail.enterpriseName}
            <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 'normal' }}>
              {' '}
              · {detail.siteName}
            </Typography.Text>
          </span>
        }
        subTitle={
          <Flex gap={8} wrap align="center" component="span">
            <ApplicationStateTag state={detail.state} />
            <span>{t('app.versionN', { v: detail.version })}</span>
            <span>·</span>
            <span>{t('app.authorityLine', { name: authorityName(detail.authority) })}</span>
            {detail.submittedAt ? (
              <>
                <span>·</span>
                <span>
                  {t('apps.submittedAt')}
                  {t('common.colon')}
                  {formatDateTime(detail.submittedAt, locale)}
                </span>
              </>
            ) : null}
            {dirty ? <Tag color="orange">{t('common.unsaved')}</Tag> : null}
          </Flex>
        }
        extra={
          <>
            <Button href={applicationDocxUrl(detail.id)} data-testid="application-docx">
              {t('app.docx')}
            </Button>
            {editable ? (
              <Button onClick={() => save.mutate()} loading={save.isPending && !submit.isPending} data-testid="application-save">
                {t('app.save')}
              </Button>
            ) : null}
            {canSubmit ? (
              // the missing count on the button (issue 16 item 12); with nothing unsaved, the list instead of a confirmation
              <Button
                type="primary"
                onClick={() => (!dirty && detail.missing.length ? setMissing(detail.missing) : confirmSubmit())}
                loading={submit.isPending}
                data-testid="application-submit"
                data-missing={detail.missing.length}
              >
                {t('app.submit')}
                {detail.missing.length ? t('ux.act.missingN', { n: detail.missing.length }) : ''}
              </Button>
            ) : editable ? (
              <Typography.Text type="secondary" style={{ alignSelf: 'center', fontSize: 12 }}>
                {t('app.staffCannotSubmit')}
              </Typography.Text>
            ) : null}
          </>
        }
      />

      {detail.state === 'returned' && detail.outcomeReason ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('app.returned')} description={<span style={{ whiteSpace: 'pre-wrap' }}>{detail.outcomeReason}</span>} data-testid="returned-reason" />
      ) : null}
      {(detail.state === 'rejected' || detail.state === 'provincial_rejected' || detail.state === 'withdrawn' || detail.state === 'closed') && detail.outcomeReason ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('app.outcome')} description={<span style={{ whiteSpace: 'pre-wrap' }}>{detail.outcomeReason}</span>} />
      ) : null}
      {!editable && frozen ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('app.frozen')} data-testid="application-frozen" /> : null}

      {missing && missing.length > 0 ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setMissing(null) }}
          style={{ marginBottom: 16 }}
          title={t('app.missingTitle', { n: missing.length })}
          description={<MissingList items={missing} onJump={jumpTo} testId="submit-missing" maxHeight={220} />}
        />
      ) : null}
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setProblems([]) }}
          style={{ marginBottom: 16 }}
          title={t('app.saveErrors')}
          data-testid="save-errors"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problems.map((p, i) => (
                <li key={`${p.path}-${i}`}>
                  <Typography.Link onClick={() => jumpTo(p.path)}>{p.label}</Typography.Link>
                  {t('common.colon')}
                  {p.text}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}

      <ActionPanel detail={detail} />

      <Card styles={{ body: { paddingTop: 4 } }}>
        <Form<FormValues>
          form={form}
          name="appform"
          component={false}
          layout="vertical"
          disabled={!editable}
          initialValues={initialValues}
          onValuesChange={() => {
            if (!dirty) setDirty(true);
          }}
          scrollToFirstError={false}
        >
          <div className={editable ? undefined : 'reman-readonly'}>
            <Tabs activeKey={activeTab} onChange={(k) => setTab(k as ApplicationTab)} items={items} data-testid="application-tabs" />
          </div>
        </Form>
      </Card>
      {jointDialog}
    </>
  );
}

export default function ApplicationDetailPage() {
  const { id } = useParams();
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const detail = useQuery({
    queryKey: qk.application(id ?? ''),
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/applications/{id}', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
  });
  if (detail.isPending) return <PageLoading />;
  if (detail.isError || !detail.data) {
    const e = detail.error;
    return (
      <Result
        status={e instanceof ApiError && e.status === 404 ? '404' : 'error'}
        title={errorText(e, locale)}
        extra={<Button onClick={() => navigate('/applications')}>{t('common.back')}</Button>}
      />
    );
  }
  const d = detail.data;
  // A new state (submitted, returned…) or version remounts the editor with the server's form.
  return <ApplicationEditor key={`${d.id}:${d.state}:${d.version}`} detail={d} />;
}
