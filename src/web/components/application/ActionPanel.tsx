import { useMutation, useQuery, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Drawer, Flex, Form, Input, Modal, Radio, Row, Select, Tag, Typography, Upload, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { client, unwrap, type ApplicationDetail, type AttachmentWire, type Expert } from '../../api';
import { useCurrentUser } from '../../auth';
import { DateField } from '../DateField';
import { useApiErrorHandler } from '../../errors';
import { remanFieldLabel, todayShanghai } from '../../format';
import { bilingual, useLocale, type MessageKey } from '../../i18n';
import { qk, WORKFLOW_KEYS } from '../../queries';
import { uploadAttachment, uploadErrorText } from './AttachmentsTab';
import { CHAPTER_KEYS, chapterClauses, chapterLabel } from './ProcessTab';
import { MIN_EXPERTS_PER_APPLICATION } from '../../../domain/announcement/workflow';

/** Event → the POST /applications/{id}/… that performs it. */
const ENDPOINT = {
  withdraw: '/api/v1/applications/{id}/withdraw',
  return_for_supplement: '/api/v1/applications/{id}/return',
  provincial_reject: '/api/v1/applications/{id}/provincial-reject',
  forward: '/api/v1/applications/{id}/forward',
  assign_experts: '/api/v1/applications/{id}/experts',
  record_opinion: '/api/v1/applications/{id}/opinion',
  complete_expert_review: '/api/v1/applications/{id}/complete-expert-review',
  record_onsite_pass: '/api/v1/applications/{id}/onsite-check',
  reject: '/api/v1/applications/{id}/reject',
} as const;
const REASON_EVENTS = new Set(['withdraw', 'return_for_supplement', 'provincial_reject', 'reject']);
const DANGER = new Set(['withdraw', 'provincial_reject', 'reject']);
const PRIMARY = new Set(['forward', 'assign_experts', 'record_opinion', 'complete_expert_review', 'record_onsite_pass', 'add_to_notice', 'announce']);
/** Steps done on the notices / announcements pages. */
const ELSEWHERE = new Set(['add_to_notice', 'announce', 'close_notice', 'uphold_objection']);
export const PANEL_EVENTS = new Set([...Object.keys(ENDPOINT), ...ELSEWHERE]);

const actLabel = (event: string): MessageKey => `act.${event}` as MessageKey;
/** A never-submitted draft is deleted, not withdrawn (issue 16 item 14): the words follow what the person does. */
const actLabelFor = (event: string, detail: ApplicationDetail): MessageKey =>
  event === 'withdraw' && detail.state === 'draft' ? 'act.withdraw.draft' : actLabel(event);

function useStep(detail: ApplicationDetail) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t } = useLocale();
  return async (event: string, body: unknown) => {
    const path = ENDPOINT[event as keyof typeof ENDPOINT];
    // each modal builds the body of its own step (its form's values); the server validates it
    const updated = await unwrap(client.POST(path, { params: { path: { id: detail.id } }, body: (body ?? {}) as never }));
    qc.setQueryData(qk.application(detail.id), updated);
    for (const key of WORKFLOW_KEYS) void qc.invalidateQueries({ queryKey: key });
    message.success(t('act.done', { action: t(actLabelFor(event, detail)) }));
    return updated;
  };
}

// ---------------------------------------------------------------- the step modal every action shares

/** One step's run: the form's values → the step's body → the server; field errors back onto the form. */
function useStepRun<V>(detail: ApplicationDetail, event: string, form: FormInstance<V>, toBody: (v: V) => unknown, onClose: () => void) {
  const onError = useApiErrorHandler();
  const step = useStep(detail);
  return useMutation({ mutationFn: (v: V) => step(event, toBody(v)), onSuccess: onClose, onError: (e) => onError(e, form) });
}

/** The drawer's width beside the case: a phone's whole screen, else up to 720 px and under half the window. */
const besideWidth = () => (typeof window !== 'undefined' && window.innerWidth < 768 ? window.innerWidth : Math.min(720, Math.round(window.innerWidth * 0.46)));

/**
 * The modal of an application step (issue 11 item 6): a title, what the step is about (`intro`), the step's form
 * and a confirm button (`action-confirm`) that submits it; the step runs through `useStepRun`. `beside`: a drawer
 * without a mask instead of a modal, the case still readable and scrollable on its left (issue 16 item 9: the
 * expert's opinion); on a phone it takes the screen.
 */
function StepModal<V>({
  title,
  width,
  okText,
  danger,
  intro,
  form,
  run,
  initialValues,
  beside,
  testId,
  onClose,
  children,
}: {
  title: ReactNode;
  width?: number;
  okText?: ReactNode;
  danger?: boolean;
  intro?: ReactNode;
  form: FormInstance<V>;
  run: UseMutationResult<unknown, Error, V>;
  initialValues?: Partial<V>;
  beside?: boolean;
  testId?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useLocale();
  const body = (
    <>
      {intro}
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} initialValues={initialValues}>
        {children}
      </Form>
    </>
  );
  if (beside) {
    return (
      <Drawer
        open
        mask={false}
        placement="right"
        size={width ?? besideWidth()}
        title={title}
        onClose={onClose}
        data-testid={testId}
        footer={
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" danger={danger} loading={run.isPending} onClick={() => form.submit()} data-testid="action-confirm">
              {okText ?? t('common.submit')}
            </Button>
          </Flex>
        }
      >
        {body}
      </Drawer>
    );
  }
  return (
    <Modal
      open
      width={width}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, 'data-testid': 'action-confirm' }}
      confirmLoading={run.isPending}
    >
      {body}
    </Modal>
  );
}

// ---------------------------------------------------------------- reason (withdraw, return, reject)

function ReasonModal({ detail, event, onClose }: { detail: ApplicationDetail; event: string; onClose: () => void }) {
  const { t } = useLocale();
  const [form] = Form.useForm<{ reason: string }>();
  const run = useStepRun(detail, event, form, (v) => ({ reason: v.reason.trim() }), onClose);
  const hint = event === 'withdraw' ? t(detail.state === 'draft' ? 'act.withdrawDraftHint' : 'act.withdrawHint') : event === 'return_for_supplement' ? t('act.returnHint') : t('act.rejectHint');
  return (
    <StepModal
      title={t(actLabelFor(event, detail))}
      danger={DANGER.has(event)}
      intro={<Alert type={DANGER.has(event) ? 'warning' : 'info'} showIcon title={hint} style={{ marginBottom: 16 }} />}
      form={form}
      run={run}
      onClose={onClose}
    >
      <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('common.reasonRule') }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} data-testid="action-reason" />
      </Form.Item>
    </StepModal>
  );
}

// ---------------------------------------------------------------- 表1-3 forward

interface ForwardValues {
  opinion: string;
  handler: string;
  head: string;
  date: string;
  filler?: string;
  phone?: string;
  email?: string;
}

function ForwardModal({ detail, onClose }: { detail: ApplicationDetail; onClose: () => void }) {
  const { t } = useLocale();
  const me = useCurrentUser();
  const [form] = Form.useForm<ForwardValues>();
  const run = useStepRun(
    detail,
    'forward',
    form,
    (v) => {
      const body: ForwardValues = { opinion: v.opinion.trim(), handler: v.handler.trim(), head: v.head.trim(), date: v.date };
      if (v.filler?.trim()) body.filler = v.filler.trim();
      if (v.phone?.trim()) body.phone = v.phone.trim();
      if (v.email?.trim()) body.email = v.email.trim();
      return body;
    },
    onClose,
  );
  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <StepModal
      width={760}
      title={t('proc.provincial')}
      okText={t('act.forward')}
      intro={
        <Typography.Paragraph type="secondary">
          {detail.enterpriseName}（{detail.siteName}）
        </Typography.Paragraph>
      }
      form={form}
      run={run}
      initialValues={{ date: todayShanghai(), handler: me.displayName, filler: me.displayName }}
      onClose={onClose}
    >
        <Form.Item name="opinion" label={t('op.opinion')} rules={[{ ...required, min: 2 }]}>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 12 }} maxLength={10_000} data-testid="forward-opinion" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="handler" label={t('op.handler')} rules={[required]}>
              <Input maxLength={50} data-testid="forward-handler" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="head" label={t('op.head')} rules={[required]}>
              <Input maxLength={50} data-testid="forward-head" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="date" label={t('op.date')} rules={[{ required: true, message: t('common.required') }]}>
              <DateField allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="filler" label={t('op.filler')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="phone" label={t('op.phone')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="email" label={t('op.email')} rules={[{ type: 'email', message: t('common.invalidEmail') }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
    </StepModal>
  );
}

// ---------------------------------------------------------------- experts

function ExpertsModal({ detail, onClose }: { detail: ApplicationDetail; onClose: () => void }) {
  const { locale, t } = useLocale();
  const [form] = Form.useForm<{ expertIds: string[] }>();
  // the pool to choose from: the largest page (200 experts)
  const experts = useQuery({ queryKey: [...qk.experts, 'pick'], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/experts', { params: { query: { pageSize: 200 } }, signal })) });
  const run = useStepRun(detail, 'assign_experts', form, (v) => ({ expertIds: v.expertIds }), onClose);
  // Experts of the application's fields first.
  const list = [...(experts.data?.items ?? [])].sort((a, b) => {
    const m = (x: Expert) => (x.fields.some((f) => detail.fields.includes(f)) ? 0 : 1);
    return m(a) - m(b) || a.name.localeCompare(b.name, 'zh');
  });
  return (
    <StepModal width={720} title={t('act.assign_experts')} form={form} run={run} onClose={onClose}>
        <Form.Item
          name="expertIds"
          label={t('act.experts')}
          extra={t('act.expertsMin')}
          rules={[{ required: true, type: 'array', min: MIN_EXPERTS_PER_APPLICATION, message: t('act.expertsMin') }]}
        >
          <Select
            mode="multiple"
            loading={experts.isLoading}
            placeholder={t('common.pleaseSelect')}
            showSearch={{ optionFilterProp: 'search' }}
            data-testid="experts-select"
            options={list.map((x) => ({
              value: x.id,
              search: `${x.name} ${x.organization}`,
              label: (
                <span>
                  {x.name}
                  <Typography.Text type="secondary">
                    {' '}
                    · {x.organization} · {x.title}
                  </Typography.Text>{' '}
                  {x.fields
                    .filter((f) => detail.fields.includes(f))
                    .map((f) => (
                      <Tag key={f} color="blue" style={{ marginInlineEnd: 2 }}>
                        {remanFieldLabel(f, locale)}
                      </Tag>
                    ))}
                </span>
              ),
            }))}
          />
        </Form.Item>
    </StepModal>
  );
}

// ---------------------------------------------------------------- expert opinion

interface OpinionValues {
  chapters: Record<string, string>;
  recommendation: 'approve' | 'revise' | 'reject';
  comment?: string;
}

function OpinionModal({ detail, onClose }: { detail: ApplicationDetail; onClose: () => void }) {
  const { locale, t } = useLocale();
  const [form] = Form.useForm<OpinionValues>();
  const mine = detail.experts[0]?.opinion ?? null;
  const run = useStepRun(
    detail,
    'record_opinion',
    form,
    (v) => {
      const chapters = Object.fromEntries(CHAPTER_KEYS.map((c) => [c, (v.chapters?.[c] ?? '').trim()]));
      const body: OpinionValues = { chapters, recommendation: v.recommendation };
      if (v.comment?.trim()) body.comment = v.comment.trim();
      return body;
    },
    onClose,
  );
  // beside the application, not over it (issue 16 item 9)
  return (
    <StepModal
      beside
      testId="opinion-drawer"
      title={t('act.myOpinion')}
      form={form}
      run={run}
      initialValues={{ chapters: mine?.chapters ?? {}, recommendation: mine?.recommendation, comment: mine?.comment }}
      onClose={onClose}
    >
      {CHAPTER_KEYS.map((c) => (
        <Form.Item key={c} name={['chapters', c]} label={chapterLabel(c, locale)} extra={chapterClauses(c, locale)} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} data-testid={`opinion-${c}`} />
        </Form.Item>
      ))}
      <Form.Item name="recommendation" label={t('exp.recommendation')} rules={[{ required: true, message: t('common.pleaseSelect') }]}>
        <Radio.Group
          data-testid="opinion-recommendation"
          options={(['approve', 'revise', 'reject'] as const).map((r) => ({ value: r, label: t(`exp.rec.${r}` as MessageKey) }))}
        />
      </Form.Item>
      <Form.Item name="comment" label={t('exp.comment')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
    </StepModal>
  );
}

// ---------------------------------------------------------------- on-site check

interface OnsiteValues {
  team: string[];
  date: string;
  findings: Record<string, string>;
  conclusion: 'pass' | 'fail';
  reason?: string;
}

function OnsiteModal({ detail, onClose }: { detail: ApplicationDetail; onClose: () => void }) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<OnsiteValues>();
  const [photos, setPhotos] = useState<AttachmentWire[]>([]);
  const [uploading, setUploading] = useState(false);
  const conclusion = Form.useWatch('conclusion', form);
  const run = useStepRun(
    detail,
    'record_onsite_pass',
    form,
    (v) => {
      const body: Record<string, unknown> = {
        team: v.team.map((x) => x.trim()).filter(Boolean),
        date: v.date,
        findings: Object.fromEntries(CHAPTER_KEYS.map((c) => [c, (v.findings?.[c] ?? '').trim()])),
        photoIds: photos.map((p) => p.id),
        conclusion: v.conclusion,
      };
      if (v.reason?.trim()) body.reason = v.reason.trim();
      return body;
    },
    onClose,
  );
  return (
    <StepModal
      width={820}
      title={t('act.record_onsite_pass')}
      danger={conclusion === 'fail'}
      form={form}
      run={run}
      initialValues={{ date: todayShanghai(), team: [], conclusion: 'pass' }}
      onClose={onClose}
    >
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="team" label={t('onsite.team')} extra={t('onsite.teamHint')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
              <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} data-testid="onsite-team" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="date" label={t('onsite.date')} rules={[{ required: true, message: t('common.required') }]}>
              <DateField allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        {CHAPTER_KEYS.map((c) => (
          <Form.Item
            key={c}
            name={['findings', c]}
            label={`${t('onsite.findings')} · ${chapterLabel(c, locale)}`}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} data-testid={`onsite-finding-${c}`} />
          </Form.Item>
        ))}
        <Form.Item label={t('onsite.photos')}>
          <Flex gap={8} wrap align="center">
            {photos.map((p) => (
              <Tag key={p.id} closable onClose={() => setPhotos((xs) => xs.filter((x) => x.id !== p.id))}>
                {p.filename}
              </Tag>
            ))}
            <Upload
              accept=".jpg,.jpeg,.png,.pdf,.ofd"
              showUploadList={false}
              multiple
              customRequest={({ file, onSuccess, onError: fail }) => {
                setUploading(true);
                uploadAttachment(detail.id, 'onsite_photo', file as File)
                  .then((a) => {
                    setPhotos((xs) => [...xs, a]);
                    onSuccess?.(null);
                  })
                  .catch((e: unknown) => {
                    message.error(uploadErrorText(e, locale, t));
                    fail?.(e as Error);
                  })
                  .finally(() => setUploading(false));
              }}
            >
              <Button size="small" loading={uploading} data-testid="onsite-photo-upload">
                {t('onsite.addPhoto')}
              </Button>
            </Upload>
          </Flex>
        </Form.Item>
        <Form.Item name="conclusion" label={t('onsite.conclusion')} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="onsite-conclusion"
            options={[
              { value: 'pass', label: t('onsite.pass') },
              { value: 'fail', label: t('onsite.fail') },
            ]}
          />
        </Form.Item>
        {conclusion === 'fail' ? (
          <Form.Item name="reason" label={t('onsite.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('common.reasonRule') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid="onsite-reason" />
          </Form.Item>
        ) : null}
    </StepModal>
  );
}

// ---------------------------------------------------------------- the panel

/** The buttons for the `actions` the API offers the viewer (data-testid="action-<event>"). */
export function ActionPanel({ detail }: { detail: ApplicationDetail }) {
  const { locale, t } = useLocale();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const step = useStep(detail);
  const [open, setOpen] = useState<string | null>(null);
  const events = detail.actions.filter((a) => PANEL_EVENTS.has(a));
  if (events.length === 0) return null;

  const noticeId = [...detail.events].reverse().find((e) => e.event === 'add_to_notice')?.note as { noticeId?: string } | undefined;

  const click = (event: string) => {
    if (event === 'add_to_notice') return navigate(`/notices?create=1&apps=${encodeURIComponent(detail.id)}`);
    if (event === 'announce') return navigate(`/announcements?apps=${encodeURIComponent(detail.id)}`);
    if (event === 'close_notice' || event === 'uphold_objection') return navigate(noticeId?.noticeId ? `/notices/${noticeId.noticeId}` : '/notices');
    if (event === 'complete_expert_review') {
      modal.confirm({
        title: t('act.complete_expert_review'),
        content: t('act.completeConfirm'),
        okText: t('act.complete_expert_review'),
        cancelText: t('common.cancel'),
        okButtonProps: { 'data-testid': 'action-confirm' },
        onOk: () => step(event, {}).catch((e: unknown) => onError(e)),
      });
      return;
    }
    setOpen(event);
  };

  // close_notice and uphold_objection are one page away: show one button for both.
  const shown = events.filter((e) => !(e === 'uphold_objection' && events.includes('close_notice')));

  return (
    <Card size="small" title={t('act.panel')} style={{ marginBottom: 16 }} data-testid="action-panel">
      <Flex gap={8} wrap>
        {shown.map((event) => {
          // not yet possible (issue 16 item 12): disabled, with its progress on the button and the reason beside it
          const block = detail.blocked.find((b) => b.action === event && event !== 'submit');
          return (
            <Button
              key={event}
              type={PRIMARY.has(event) ? 'primary' : 'default'}
              danger={DANGER.has(event)}
              disabled={!!block}
              title={block ? (bilingual(locale, block.message, block.messageEn)) : undefined}
              onClick={() => click(event)}
              data-testid={`action-${event}`}
            >
              {t(actLabelFor(event, detail))}
              {block && block.done !== null && block.of !== null ? t('ux.act.blockedProgress', { done: block.done, of: block.of }) : ''}
            </Button>
          );
        })}
      </Flex>
      {detail.blocked
        .filter((b) => b.action !== 'submit' && shown.includes(b.action as never))
        .map((b) => (
          <Typography.Paragraph key={b.action} type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }} data-testid={`action-blocked-${b.action}`}>
            {t(actLabelFor(b.action, detail))}：{bilingual(locale, b.message, b.messageEn)}
          </Typography.Paragraph>
        ))}
      {open && REASON_EVENTS.has(open) ? <ReasonModal detail={detail} event={open} onClose={() => setOpen(null)} /> : null}
      {open === 'forward' ? <ForwardModal detail={detail} onClose={() => setOpen(null)} /> : null}
      {open === 'assign_experts' ? <ExpertsModal detail={detail} onClose={() => setOpen(null)} /> : null}
      {open === 'record_opinion' ? <OpinionModal detail={detail} onClose={() => setOpen(null)} /> : null}
      {open === 'record_onsite_pass' ? <OnsiteModal detail={detail} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}
