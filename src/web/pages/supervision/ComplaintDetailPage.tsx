import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Descriptions, Flex, Form, Input, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { REVOCATION_GROUNDS } from '../../../domain/supervision/index';
import { API_BASE, client, unwrap, type BodyOf } from '../../api';
import { useConfirm } from '../../components/confirm';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorHandler } from '../../errors';
import { clauseRef, formatDateTime } from '../../format';
import { pick, useLocale } from '../../i18n';
import { StateTag } from './common';
import { SUP_KEYS } from './SupervisionPage';
import type { Complaint } from './supApi';
import { useT } from '../../i18n';

const ACTIONS = ['accept', 'dismiss', 'investigate', 'substantiate', 'unsubstantiate'] as const;

/** One complaint for its handlers (MIIT, the enterprise's authority): contact, evidence, handling. */
export default function ComplaintDetailPage() {
  const { id = '' } = useParams();
  const st = useT();
  const { locale, t } = useLocale();
  const confirm = useConfirm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm();
  const key = [...SUP_KEYS.complaints, id];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => unwrap(client.GET('/api/v1/complaints/{id}', { params: { path: { id } }, signal })) });
  const canAssign = q.data?.actions.includes('assign') ?? false;
  const ents = useQuery({ queryKey: ['enterprises', 'for-complaint'], queryFn: ({ signal }) => unwrap(client.GET('/api/v1/enterprises', { params: { query: { pageSize: 200 } }, signal })), enabled: canAssign });
  const done = (c: Complaint) => {
    qc.setQueryData(key, c);
    void qc.invalidateQueries({ queryKey: SUP_KEYS.complaints });
    form.resetFields();
  };
  const handle = useMutation({ mutationFn: (b: BodyOf<'/api/v1/complaints/{id}/handle', 'post'>) => unwrap(client.POST('/api/v1/complaints/{id}/handle', { params: { path: { id } }, body: b })), onSuccess: done, onError: (e) => onError(e, form) });
  const assign = useMutation({ mutationFn: (enterpriseId: string) => unwrap(client.POST('/api/v1/complaints/{id}/assign', { params: { path: { id } }, body: { enterpriseId } })), onSuccess: done, onError: (e) => onError(e) });
  const open = useMutation({
    mutationFn: (b: BodyOf<'/api/v1/complaints/{id}/revocation', 'post'>) => unwrap(client.POST('/api/v1/complaints/{id}/revocation', { params: { path: { id } }, body: b })),
    onSuccess: (rc) => {
      void qc.invalidateQueries({ queryKey: SUP_KEYS.revocations });
      navigate(`/supervision/revocations/${rc.id}`);
    },
    onError: (e) => onError(e, form),
  });
  if (!q.data) return <Skeleton active />;
  const c = q.data;
  return (
    <>
      <PageHeader title={`${st('sup.tab.complaints')} · ${c.subject}`} backTo="/supervision?tab=complaints" />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={st('sup.state')}><StateTag kind="cmp" state={c.state} /></Descriptions.Item>
          <Descriptions.Item label={st('cmp.trackCode')}><span data-testid="complaint-code">{c.trackingCode}</span></Descriptions.Item>
          <Descriptions.Item label={st('cmp.enterpriseName')}>
            <Space>{c.enterpriseName}{c.enterpriseId ? null : <Tag>{st('cmp.unmatched')}</Tag>}</Space>
          </Descriptions.Item>
          <Descriptions.Item label={st('cmp.filedAt')}>{formatDateTime(c.filedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={st('cmp.contactLabel')}>
            <span data-testid="complaint-contact">{c.contact ?? st('cmp.anonymous')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={st('rev.evidence')}>
            <Space wrap>
              {Array.from({ length: c.evidenceCount }, (_, i) => (
                <a key={i} href={`${API_BASE}/complaints/${c.id}/evidence/${i}`} target="_blank" rel="noreferrer">{st('cmp.evidenceN', { n: i + 1 })}</a>
              ))}
              {c.evidenceCount === 0 ? '—' : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={st('cmp.facts')} span={2}><Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.facts}</Typography.Paragraph></Descriptions.Item>
          {c.outcome ? <Descriptions.Item label={`${st('cmp.outcome')} (${c.concludedOn})`} span={2}>{c.outcome}</Descriptions.Item> : null}
          {c.revocationCaseId ? (
            <Descriptions.Item label={st('cmp.revocationCase')} span={2}>
              <Typography.Link onClick={() => navigate(`/supervision/revocations/${c.revocationCaseId}`)}>{st('sup.open')}</Typography.Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Form form={form} layout="vertical">
        {c.actions.some((a) => (ACTIONS as readonly string[]).includes(a)) ? (
          <Card title={st('cmp.handle')} style={{ marginBottom: 16 }}>
            <Form.Item name="note" label={st('cmp.note')}>
              <Input.TextArea autoSize={{ minRows: 2 }} data-testid="complaint-note" />
            </Form.Item>
            <Flex gap={8} wrap>
              {ACTIONS.filter((a) => c.actions.includes(a)).map((a) => (
                <Button key={a} loading={handle.isPending} danger={a === 'dismiss'} type={a === 'accept' || a === 'substantiate' ? 'primary' : 'default'} data-testid={`complaint-${a}`} onClick={() => {
                  const body = { action: a, note: form.getFieldValue('note') };
                  // a conclusion (dismiss, substantiate, unsubstantiate) is told to the complainant: ask first
                  if (a === 'accept' || a === 'investigate') return handle.mutate(body);
                  confirm({ title: st.dyn(`cmp.action.${a}`), okText: st.dyn(`cmp.action.${a}`), consequence: t(a === 'dismiss' ? 'confirm.complaint.dismiss' : 'confirm.complaint.conclude'), danger: a === 'dismiss', onOk: () => handle.mutateAsync(body) });
                }}>
                  {st.dyn(`cmp.action.${a}`)}
                </Button>
              ))}
            </Flex>
          </Card>
        ) : null}
        {canAssign && !c.enterpriseId ? (
          <Card title={st('cmp.assign')} style={{ marginBottom: 16 }}>
            <Select style={{ width: 360 }} showSearch optionFilterProp="label" placeholder={st('sup.enterprise')} aria-label={st('sup.enterprise')} options={(ents.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} onChange={(v: string) => assign.mutate(v)} />
          </Card>
        ) : null}
        {c.actions.includes('open_revocation') ? (
          <Card title={st('cmp.openRevocation')}>
            <Form.Item name="grounds" label={st('rev.grounds')}>
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={REVOCATION_GROUNDS.map((g) => ({ value: g.key, label: `${clauseRef(g.clause, locale)} ${pick(locale, g)}` }))} />
            </Form.Item>
            <Form.Item name="facts" label={st('rev.facts')} initialValue={c.outcome ?? ''}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Button type="primary" danger loading={open.isPending} onClick={() =>
                confirm({ title: st('cmp.openRevocation'), okText: st('cmp.openRevocation'), consequence: t('confirm.complaint.openCase'), danger: true, onOk: () => open.mutateAsync({ grounds: form.getFieldValue('grounds') ?? [], facts: form.getFieldValue('facts') ?? '' }) })
              }>
              {st('cmp.openRevocation')}
            </Button>
          </Card>
        ) : null}
      </Form>
    </>
  );
}
