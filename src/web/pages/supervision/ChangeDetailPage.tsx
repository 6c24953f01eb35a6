import { Button, Card, Descriptions, Flex, Form, Input, Skeleton, Space, Table, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useConfirm, validated } from '../../components/confirm';
import { bilingual, useLocale, type MessageKey } from '../../i18n';
import { ChangeExpertsCard } from './ChangeExpertsCard';
import { FileLinks, FilesPicker, StateTag } from './common';
import { useCaseDetail } from './useCaseDetail';
import { useT } from '../../i18n';

/** One change request (七(二)3) with the action the caller may take: check, resubmit or confirm. */
export default function ChangeDetailPage() {
  const { id = '' } = useParams();
  const st = useT();
  const { locale, t } = useLocale();
  const confirm = useConfirm();
  const { q, act, form, files, setFiles } = useCaseDetail('changes', id);
  if (!q.data) return <Skeleton active />;
  const c = q.data;
  /** Validate the form (an invalid one only marks its fields), ask naming the consequence, then post. */
  const ask = (okText: string, consequence: MessageKey, danger: boolean, post: (v: Record<string, unknown>) => Parameters<typeof act.mutateAsync>[0]) =>
    void validated(form).then((v: Record<string, unknown> | null) => {
      if (v) confirm({ title: okText, consequence: t(consequence), okText, danger, onOk: () => act.mutateAsync(post(v)) });
    });
  return (
    <>
      <PageHeader title={`${st('sup.tab.changes')} · ${c.enterpriseName}`} subTitle={st('chg.rule')} backTo="/supervision?tab=changes" />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={st('sup.state')}><StateTag kind="chg" state={c.state} /></Descriptions.Item>
          <Descriptions.Item label={st('sup.createdAt')}>{formatDateTime(c.createdAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={st('chg.changeDate')}>{c.changeDate}</Descriptions.Item>
          <Descriptions.Item label={st('chg.deadline')}>
            <Space>
              <span data-testid="change-deadline">{c.deadline}</span>
              {c.overdue ? <Tag color="red">{st('chg.overdue')}</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={st('chg.description')} span={2}>{c.description}</Descriptions.Item>
          <Descriptions.Item label={st('sup.files')} span={2}><FileLinks base={`/changes/${c.id}/files`} files={c.attachments} /></Descriptions.Item>
          {c.checkOpinion ? <Descriptions.Item label={`${st('chg.check')} (${c.checkedOn})`} span={2}>{c.checkOpinion}</Descriptions.Item> : null}
          {c.confirmOpinion ? <Descriptions.Item label={`${st('chg.confirm')} (${c.confirmedOn})`} span={2}>{c.confirmOpinion}</Descriptions.Item> : null}
          {c.publishedOn ? <Descriptions.Item label={st('chg.published')}><span data-testid="change-published">{c.publishedOn}</span></Descriptions.Item> : null}
        </Descriptions>
        <Table
          size="small"
          rowKey={(r) => `${r.fact}-${r.new}`}
          pagination={false}
          dataSource={c.items}
          columns={[
            { title: st('chg.fact'), key: 'f', width: 180, render: (_, r) => (bilingual(locale, r.factZh, r.factEn)) },
            { title: st('chg.old'), dataIndex: 'old' },
            { title: st('chg.new.value'), dataIndex: 'new' },
          ]}
        />
      </Card>
      <ChangeExpertsCard c={c} act={act} />
      {c.actions.some((a) => a === 'check' || a === 'confirm' || a === 'resubmit') ? (
        <Card title={c.actions.includes('check') ? st('chg.check') : c.actions.includes('confirm') ? st('chg.confirm') : st('chg.resubmit')}>
          <Form form={form} layout="vertical">
            {c.actions.includes('resubmit') ? (
              <>
                <Form.Item name="description" label={st('chg.description')} initialValue={c.description}>
                  <Input.TextArea autoSize={{ minRows: 3 }} />
                </Form.Item>
                <Form.Item label={st('sup.files')}>
                  <FilesPicker files={files} onChange={setFiles} testId="change-resubmit-files" />
                </Form.Item>
                <Button type="primary" loading={act.isPending} onClick={() => ask(st('chg.resubmit'), 'confirm.chg.resubmit', false, (v) => ({ path: 'resubmit', body: v, multipart: true }))}>
                  {st('chg.resubmit')}
                </Button>
              </>
            ) : (
              <>
                <Form.Item name="opinion" label={st('sup.opinion')} rules={[{ required: true, min: 2, message: st('common.required') }]}>
                  <Input.TextArea autoSize={{ minRows: 3 }} data-testid="change-opinion" />
                </Form.Item>
                <Flex gap={8}>
                  {c.actions.includes('check') ? (
                    <>
                      <Button type="primary" data-testid="change-check-pass" loading={act.isPending} onClick={() => ask(st('chg.checkPass'), 'confirm.chg.checkPass', false, (v) => ({ path: 'check', body: { passed: true, opinion: v.opinion } }))}>{st('chg.checkPass')}</Button>
                      <Button danger loading={act.isPending} onClick={() => ask(st('chg.checkFail'), 'confirm.chg.checkFail', true, (v) => ({ path: 'check', body: { passed: false, opinion: v.opinion } }))}>{st('chg.checkFail')}</Button>
                    </>
                  ) : null}
                  {c.actions.includes('confirm') ? (
                    <>
                      <Button type="primary" data-testid="change-confirm" loading={act.isPending} onClick={() => ask(st('chg.confirmYes'), 'confirm.chg.confirmYes', false, (v) => ({ path: 'confirm', body: { confirmed: true, opinion: v.opinion } }))}>{st('chg.confirmYes')}</Button>
                      <Button danger loading={act.isPending} onClick={() => ask(st('chg.confirmNo'), 'confirm.chg.confirmNo', true, (v) => ({ path: 'confirm', body: { confirmed: false, opinion: v.opinion } }))}>{st('chg.confirmNo')}</Button>
                    </>
                  ) : null}
                </Flex>
              </>
            )}
          </Form>
        </Card>
      ) : null}
    </>
  );
}
