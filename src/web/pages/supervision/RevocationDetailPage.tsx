import { Alert, Button, Card, Descriptions, Form, Input, Radio, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { DateField } from '../../components/DateField';
import { PageHeader } from '../../components/PageHeader';
import { useConfirm, validated } from '../../components/confirm';
import { clauseRef } from '../../format';
import { pick, useLocale } from '../../i18n';
import { FileLinks, FilesPicker, StateTag } from './common';
import { useCaseDetail, type CaseAction } from './useCaseDetail';
import { useT } from '../../i18n';

const STEP_OF: Record<string, number> = { opened: 0, notice_sent: 0, notified: 1, statement_received: 2, revoked: 4, not_revoked: 4 };

/** One revocation case (七(二)4): notice, statement and defence, decision, rectification. */
export default function RevocationDetailPage() {
  const { id = '' } = useParams();
  const st = useT();
  const { locale, t } = useLocale();
  const confirm = useConfirm();
  const { q, act, form, files, setFiles } = useCaseDetail('revocations', id);
  if (!q.data) return <Skeleton active />;
  const c = q.data;
  /** Validate the action's fields (an invalid form only marks them), then ask, naming the consequence. */
  type Ask = { okText: string; consequence: string; danger?: boolean };
  const submit = (path: CaseAction<'revocations'>, ask: Ask | ((v: Record<string, unknown>) => Ask), multipart = false, extra: Record<string, unknown> = {}) =>
    void validated(form).then((v: Record<string, unknown> | null) => {
      if (!v) return;
      const a = typeof ask === 'function' ? ask(v) : ask;
      confirm({ title: a.okText, consequence: a.consequence, okText: a.okText, danger: a.danger, onOk: () => act.mutateAsync({ path, body: { ...v, ...extra }, multipart }) });
    });
  const files$ = (testId: string) => (
    <Form.Item label={st('sup.files')}>
      <FilesPicker files={files} onChange={setFiles} testId={testId} />
    </Form.Item>
  );
  return (
    <>
      <PageHeader title={`${st('sup.tab.revocations')} · ${c.enterpriseName}`} subTitle={st('rev.hearingRule')} backTo="/supervision?tab=revocations" />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={STEP_OF[c.state] ?? 0}
          style={{ marginBottom: 16 }}
          items={[
            { title: st('rev.timeline.opened'), description: c.createdAt.slice(0, 10) },
            { title: st('rev.timeline.notified'), description: c.notifiedOn ?? (c.noticeSentOn ? `${st('rev.noticeSentOn')} ${c.noticeSentOn}` : '') },
            { title: st('rev.timeline.statement'), description: c.statementOn ?? (c.statementDue ? `≤ ${c.statementDue}` : '') },
            { title: st('rev.timeline.decided'), description: c.decidedOn ?? '' },
          ]}
        />
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={st('sup.state')}>
            <Space>
              <StateTag kind="rev" state={c.state} />
              {c.rectificationState ? <Tag data-testid="rev-rect-state">{st.dyn(`rev.rect.${c.rectificationState}`)}</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="">{st.dyn(`rev.origin.${c.origin}`)}</Descriptions.Item>
          <Descriptions.Item label={st('rev.grounds')} span={2}>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {c.grounds.map((g) => (
                <li key={g.key}>
                  {clauseRef(g.clause, locale)} {pick(locale, g)}
                </li>
              ))}
            </ul>
          </Descriptions.Item>
          <Descriptions.Item label={st('rev.facts')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.facts}</Typography.Paragraph>
          </Descriptions.Item>
          {c.evidence.length ? <Descriptions.Item label={st('rev.evidence')} span={2}><FileLinks base={`/revocations/${c.id}/files`} files={c.evidence} /></Descriptions.Item> : null}
          {c.noticeText ? <Descriptions.Item label={st('rev.noticeText')} span={2}>{c.noticeText}</Descriptions.Item> : null}
          {c.noticeSentOn ? <Descriptions.Item label={st('rev.noticeSentOn')}><span data-testid="rev-notice-sent-on">{c.noticeSentOn}</span></Descriptions.Item> : null}
          {c.noticeSentOn ? <Descriptions.Item label={st('rev.relayedOn')}><span data-testid="rev-relayed-on">{c.relayedOn ?? '—'}</span></Descriptions.Item> : null}
          {c.statementDue ? <Descriptions.Item label={st('rev.statementDue')}><span data-testid="rev-statement-due">{c.statementDue}</span></Descriptions.Item> : null}
          {c.statement ? (
            <Descriptions.Item label={`${st('rev.statement')} (${c.statementOn})`} span={2}>
              {c.statement} <FileLinks base={`/revocations/${c.id}/files`} files={c.statementFiles} />
            </Descriptions.Item>
          ) : null}
          {c.decidedOn ? <Descriptions.Item label={`${st('rev.hearing')}`} span={2}>{c.hearingSummary}</Descriptions.Item> : null}
          {c.decidedOn ? <Descriptions.Item label={`${st('rev.outcome')} (${c.decidedOn})`} span={2}>{c.decisionReason}</Descriptions.Item> : null}
          {c.rectificationText ? (
            <Descriptions.Item label={st('rev.rectification')} span={2}>
              {c.rectificationText} <FileLinks base={`/revocations/${c.id}/files`} files={c.rectificationFiles} />
              {c.rectificationOpinion ? <div>{st('sup.opinion')}：{c.rectificationOpinion}</div> : null}
            </Descriptions.Item>
          ) : null}
          {c.reapplyFrom ? <Descriptions.Item label={st('rev.reapplyFrom')}><span data-testid="rev-reapply-from">{c.reapplyFrom}</span></Descriptions.Item> : null}
        </Descriptions>
      </Card>

      <Form form={form} layout="vertical">
        {c.actions.includes('notify') ? (
          <Card title={st('rev.notify')} style={{ marginBottom: 16 }}>
            <Form.Item name="noticeText" label={st('rev.noticeText')} rules={[{ required: true, min: 5, message: st('common.required') }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} data-testid="rev-notice-text" />
            </Form.Item>
            <Form.Item name="statementDue" label={st('rev.statementDue')} extra={st('rev.statementDueHint')}>
              <DateField />
            </Form.Item>
            <Button type="primary" loading={act.isPending} onClick={() => submit('notify', { okText: st('rev.notify'), consequence: t('confirm.rev.notify') })} data-testid="rev-notify">{st('rev.notify')}</Button>
          </Card>
        ) : null}
        {c.actions.includes('relay') ? (
          <Card title={st('rev.relay')} style={{ marginBottom: 16 }}>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={st('rev.relayHint')} />
            <Form.Item name="relayedOn" label={st('rev.relayedOn')}>
              <DateField />
            </Form.Item>
            <Button type="primary" loading={act.isPending} onClick={() => submit('relay', { okText: st('rev.relay'), consequence: st('rev.relayHint') })} data-testid="rev-relay">{st('rev.relay')}</Button>
          </Card>
        ) : null}
        {c.actions.includes('statement') ? (
          <Card title={st('rev.submitStatement')} style={{ marginBottom: 16 }}>
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${st('rev.statementDue')}：${c.statementDue}`} />
            <Form.Item name="statement" label={st('rev.statement')} rules={[{ required: true, min: 5, message: st('common.required') }]}>
              <Input.TextArea autoSize={{ minRows: 4 }} data-testid="rev-statement" />
            </Form.Item>
            {files$('rev-statement-files')}
            <Button type="primary" loading={act.isPending} onClick={() => submit('statement', { okText: st('rev.submitStatement'), consequence: t('confirm.rev.statement') }, true)} data-testid="rev-statement-submit">{st('rev.submitStatement')}</Button>
          </Card>
        ) : null}
        {c.actions.includes('decide') ? (
          <Card title={st('rev.decide')} style={{ marginBottom: 16 }}>
            <Form.Item name="outcome" label={st('rev.outcome')} initialValue="revoked" rules={[{ required: true }]}>
              <Radio.Group options={[{ value: 'revoked', label: st('rev.outcome.revoked') }, { value: 'not_revoked', label: st('rev.outcome.not_revoked') }]} />
            </Form.Item>
            <Form.Item name="hearingSummary" label={st('rev.hearing')} rules={[{ required: true, min: 2, message: st('common.required') }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} data-testid="rev-hearing" />
            </Form.Item>
            <Form.Item name="reason" label={st('sup.reason')} rules={[{ required: true, min: 2, message: st('common.required') }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} data-testid="rev-reason" />
            </Form.Item>
            <Button type="primary" danger loading={act.isPending} onClick={() =>
                submit('decide', (v) => ({
                  okText: `${st('rev.decide')}：${st.dyn(`rev.outcome.${String(v.outcome)}`)}`,
                  consequence: t(v.outcome === 'not_revoked' ? 'confirm.rev.not_revoked' : 'confirm.rev.revoked'),
                  danger: v.outcome !== 'not_revoked',
                }))
              } data-testid="rev-decide">{st('rev.decide')}</Button>
          </Card>
        ) : null}
        {c.actions.includes('rectification') ? (
          <Card title={st('rev.fileRectification')} style={{ marginBottom: 16 }}>
            <Form.Item name="text" label={st('rev.rectification')} rules={[{ required: true, min: 5, message: st('common.required') }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} data-testid="rev-rect-text" />
            </Form.Item>
            {files$('rev-rect-files')}
            <Button type="primary" loading={act.isPending} onClick={() => submit('rectification', { okText: st('rev.fileRectification'), consequence: t('confirm.rev.rectification') }, true)} data-testid="rev-rect-submit">{st('rev.fileRectification')}</Button>
          </Card>
        ) : null}
        {c.actions.includes('review_rectification') ? (
          <Card title={st('rev.reviewRectification')} style={{ marginBottom: 16 }}>
            <Form.Item name="opinion" label={st('sup.opinion')} rules={[{ required: true, min: 2, message: st('common.required') }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} data-testid="rev-rect-opinion" />
            </Form.Item>
            <Space>
              <Button type="primary" loading={act.isPending} onClick={() => submit('rectification/review', { okText: st('rev.accept'), consequence: t('confirm.rev.accept') }, false, { accept: true })} data-testid="rev-rect-accept">{st('rev.accept')}</Button>
              <Button loading={act.isPending} onClick={() => submit('rectification/review', { okText: st('rev.return'), consequence: t('confirm.rev.return') }, false, { accept: false })}>{st('rev.return')}</Button>
            </Space>
          </Card>
        ) : null}
        {c.actions.includes('evidence') && !c.actions.includes('notify') && !c.actions.includes('decide') ? (
          <Card title={st('rev.evidence')} style={{ marginBottom: 16 }}>
            {files$('rev-evidence-files')}
            <Button loading={act.isPending} onClick={() => act.mutate({ path: 'evidence', body: {}, multipart: true })}>{st('sup.submit')}</Button>
          </Card>
        ) : null}
      </Form>
    </>
  );
}
