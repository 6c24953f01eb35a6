import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api';
import { useMe } from '../../../auth';
import { useConfirm, validated } from '../../../components/confirm';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { errorText, useApiErrorHandler } from '../../../errors';
import { formatDateTime } from '../../../format';
import { useLocale } from '../../../i18n';
import { isEnterpriseRole } from '../../../menu';
import { AttestationFields, attestationBody, PostingFacts, showAttestationError } from './PostingPage';
import { coreApi, coreKeys, MATCH_STATUS_COLOR, type Attestation, type Match } from './coreExchangeApi';

/** The accepting supplier declares the lawful source in the same step (规范条件 四(二)); the consequence is named. */
function AcceptWithAttestation({ m, onClose, onDone }: { m: Match; onClose: () => void; onDone: () => void }) {
  const { locale, t } = useLocale();
  const [form] = Form.useForm<{ attestation: Attestation }>();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      await coreApi.accept(m.id, attestationBody(v.attestation));
      onDone();
    } catch (e) {
      if (!showAttestationError(e, form as never, locale)) onError(e, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('exchange.acceptTitle', { n: m.quantity, name: m.supply.name })}
      onCancel={onClose}
      okText={t('exchange.accept')}
      onOk={() => void submit()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'cx-accept-ok' } as never}
      destroyOnHidden
      width={600}
    >
      <Alert type="warning" showIcon message={t('exchange.acceptConsequence', { receiver: m.demand.party.name, supplier: m.supply.party.name, n: m.quantity })} style={{ marginBottom: 12 }} data-testid="confirm-consequence" />
      <Form form={form} layout="vertical">
        <AttestationFields enterprise={m.supply.party.kind === 'enterprise'} />
      </Form>
    </Modal>
  );
}

/** The trace event the transfer wrote into the caller's own trace (its EPCIS stream), as the trace records it. */
function TraceEventCard({ eventId, side }: { eventId: string; side: 'receiver' | 'supplier' }) {
  const { locale, t } = useLocale();
  const ev = useQuery({ queryKey: coreKeys.event(eventId), queryFn: ({ signal }) => coreApi.event(eventId, signal) });
  if (ev.isPending) return <Card loading size="small" />;
  if (ev.isError) return <Alert type="error" showIcon message={errorText(ev.error, locale)} />;
  const e = ev.data;
  const count = e.epcList?.length || e.quantityList?.reduce((a, q) => a + q.quantity, 0) || 0;
  return (
    <Card size="small" title={t(side === 'receiver' ? 'exchange.trace.intake' : 'exchange.trace.shipping')} data-testid={`cx-trace-${side}`}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('exchange.trace.time')}>{formatDateTime(e.eventTime, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('exchange.trace.step')}>
          <Tag>{e.bizStep === 'receiving' ? t('exchange.trace.step.receiving') : e.bizStep === 'shipping' ? t('exchange.trace.step.shipping') : e.bizStep}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('exchange.trace.what')}>
          {e['reman:name']}
          {e['reman:model'] ? ` ${e['reman:model']}` : ''} · {t('exchange.trace.count', { n: count })}
          {e['reman:grade'] ? ` · ${t('exchange.grade.is', { grade: e['reman:grade'] })}` : ''}
        </Descriptions.Item>
        {side === 'receiver' ? (
          <Descriptions.Item label={t('exchange.trace.from')}>
            <span data-testid="cx-trace-from">{e['reman:source']?.returnedBy ?? e['reman:partyNames']?.[e.sourceList?.[0]?.source ?? ''] ?? '—'}</span>
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label={t('exchange.trace.to')}>
            <span data-testid="cx-trace-to">{e['reman:destinationName'] ?? '—'}</span>
          </Descriptions.Item>
        )}
        {e['reman:attestation']?.statement ? <Descriptions.Item label={t('exchange.attest.statement')}>{e['reman:attestation'].statement}</Descriptions.Item> : null}
        <Descriptions.Item label={t('exchange.trace.eventId')}>
          <Typography.Text code copyable style={{ fontSize: 12 }}>
            {e.eventID}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/**
 * One core match (/core-exchange/matches/{id}, the link of the exchange's notifications): both postings, who proposed,
 * the source attestation; the other side accepts — the dialog names the consequence: a core intake in the
 * receiver's trace and shipping in a supplying enterprise's trace — or declines; either side takes it back. Once
 * accepted, the trace records written are shown (the caller's own side) with the core codes.
 */
export default function MatchPage() {
  const { id = '' } = useParams();
  const { locale, t } = useLocale();
  const me = useMe();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [accepting, setAccepting] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const match = useQuery({ queryKey: coreKeys.match(id), queryFn: ({ signal }) => coreApi.match(id, signal) });
  const done = () => {
    message.success(t('exchange.accepted'));
    setAccepting(false);
    void qc.invalidateQueries({ queryKey: coreKeys.all });
  };
  const accept = useMutation({ mutationFn: () => coreApi.accept(id), onSuccess: done, onError: (e) => onError(e) });
  const decline = useMutation({
    mutationFn: () => coreApi.decline(id, reason.trim() || undefined),
    onSuccess: () => {
      message.success(t('exchange.declined'));
      setDeclining(false);
      void qc.invalidateQueries({ queryKey: coreKeys.all });
    },
    onError: (e) => onError(e),
  });

  if (match.isPending) return <PageLoading />;
  const m = match.data;
  if (match.isError || !m) {
    const notFound = match.error instanceof ApiError && match.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('exchange.match.notFound') : errorText(match.error, locale)} extra={<Link to="/core-exchange?view=matches">{t('exchange.back')}</Link>} />;
  }

  const myOrg = me.data?.organization.id;
  const iSupply = m.supply.party.id === myOrg;
  const iReceive = m.demand.party.id === myOrg;
  const iProposed = (m.proposedSide === 'supply' && iSupply) || (m.proposedSide === 'demand' && iReceive);
  const needsAttestation = iSupply && !m.attestation;
  const proposer = m.proposedSide === 'supply' ? m.supply.party.name : m.demand.party.name;

  const onAccept = () => {
    if (needsAttestation) return setAccepting(true);
    confirm({
      title: t('exchange.acceptTitle', { n: m.quantity, name: m.supply.name }),
      consequence: t('exchange.acceptConsequence', { receiver: m.demand.party.name, supplier: m.supply.party.name, n: m.quantity }),
      okText: t('exchange.accept'),
      testId: 'cx-accept-ok',
      onOk: () => accept.mutateAsync(),
    });
  };

  return (
    <>
      <PageHeader
        title={t('exchange.match.title', { name: m.supply.name, n: m.quantity })}
        subTitle={
          <Tag color={MATCH_STATUS_COLOR[m.status]} data-testid="cx-match-status" data-status={m.status}>
            {t(`exchange.matchStatus.${m.status}`)}
          </Tag>
        }
        backTo="/core-exchange?view=matches"
        extra={
          <Space>
            {m.actions.includes('accept') ? (
              <Button type="primary" onClick={onAccept} data-testid="cx-accept">
                {t('exchange.accept')}
              </Button>
            ) : null}
            {m.actions.includes('decline') ? (
              <Button danger onClick={() => setDeclining(true)} data-testid="cx-decline">
                {t(iProposed ? 'exchange.takeBack' : 'exchange.decline')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Flex vertical gap={16}>
        {m.status === 'proposed' ? (
          <Alert
            type={m.actions.includes('accept') ? 'warning' : 'info'}
            showIcon
            data-testid="cx-match-next"
            message={m.actions.includes('accept') ? t('exchange.match.waitingForYou', { party: proposer }) : t('exchange.match.waitingForOther')}
            description={t('exchange.acceptConsequence', { receiver: m.demand.party.name, supplier: m.supply.party.name, n: m.quantity })}
          />
        ) : null}
        <Card title={t('exchange.match.facts')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('exchange.form.quantity')}>{t('exchange.trace.count', { n: m.quantity })}</Descriptions.Item>
            <Descriptions.Item label={t('exchange.match.proposedBy')}>{proposer}</Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(m.createdAt, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('exchange.match.decidedAt')}>{m.decidedAt ? formatDateTime(m.decidedAt, locale) : '—'}</Descriptions.Item>
            {m.note ? <Descriptions.Item label={t('exchange.form.note')}>{m.note}</Descriptions.Item> : null}
            {m.reason ? <Descriptions.Item label={t('exchange.match.reason')}>{m.reason}</Descriptions.Item> : null}
            <Descriptions.Item label={t('exchange.attest.title')} span={2}>
              {m.attestation ? (
                <span data-testid="cx-attestation">
                  {m.attestation.statement}
                  {m.attestation.document ? ` · ${t('exchange.attest.documentLine', { doc: m.attestation.document })}` : ''}
                  {m.attestation.file ? (
                    <a style={{ display: 'block' }} href={`/api/v1/core-exchange/matches/${encodeURIComponent(m.id)}/document`} download={m.attestation.file.name} data-testid="cx-attest-download">
                      {t('exchange.attest.download', { name: m.attestation.file.name })}
                    </a>
                  ) : null}
                  {m.attestation.cores.length ? (
                    <Typography.Text style={{ display: 'block', fontSize: 12 }} data-testid="cx-attest-cores-line">
                      {t('exchange.attest.coresLine', { n: m.attestation.cores.length, codes: m.attestation.cores.slice(0, 5).join(', ') + (m.attestation.cores.length > 5 ? '…' : '') })}
                    </Typography.Text>
                  ) : null}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('exchange.attest.by', { party: m.attestation.partyName, user: m.attestation.username ?? '—', at: formatDateTime(m.attestation.at, locale) })}
                  </Typography.Text>
                </span>
              ) : (
                <Typography.Text type="secondary">{t('exchange.attest.pending')}</Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={<Link to={`/core-exchange/${m.supply.id}`}>{t('exchange.match.supply')}</Link>} size="small">
          <PostingFacts p={m.supply} />
        </Card>
        <Card title={<Link to={`/core-exchange/${m.demand.id}`}>{t('exchange.match.demand')}</Link>} size="small">
          <PostingFacts p={m.demand} />
        </Card>
        {m.transfer ? (
          <Card title={t('exchange.trace.title')} data-testid="cx-transfer">
            <Typography.Paragraph>{t('exchange.trace.written', { n: m.transfer.coreEpcs.length, receiver: m.demand.party.name })}</Typography.Paragraph>
            <Flex vertical gap={12}>
              {iReceive ? m.transfer.receiverEventIds.map((e) => <TraceEventCard key={e} eventId={e} side="receiver" />) : null}
              {iSupply ? m.transfer.supplierEventIds.map((e) => <TraceEventCard key={e} eventId={e} side="supplier" />) : null}
              {iSupply && !m.transfer.supplierEventIds.length ? <Typography.Text type="secondary">{t('exchange.trace.noSupplierTrace')}</Typography.Text> : null}
            </Flex>
            {iReceive ? (
              <>
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('exchange.trace.codes')}
                </Typography.Title>
                <Flex wrap gap={4} data-testid="cx-core-epcs">
                  {m.transfer.coreEpcs.slice(0, 50).map((c) => (
                    <Typography.Text key={c} code style={{ fontSize: 12 }}>
                      {c}
                    </Typography.Text>
                  ))}
                  {m.transfer.coreEpcs.length > 50 ? <Typography.Text type="secondary">{t('exchange.trace.more', { n: m.transfer.coreEpcs.length - 50 })}</Typography.Text> : null}
                </Flex>
              </>
            ) : null}
            {isEnterpriseRole(me.data?.role) ? (
              <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
                <Link to="/trace/ledger" data-testid="cx-ledger-link">
                  {t('exchange.trace.ledger')}
                </Link>
              </Typography.Paragraph>
            ) : null}
          </Card>
        ) : null}
      </Flex>
      {accepting ? <AcceptWithAttestation m={m} onClose={() => setAccepting(false)} onDone={done} /> : null}
      <Modal
        open={declining}
        title={t(iProposed ? 'exchange.takeBackTitle' : 'exchange.declineTitle')}
        onCancel={() => setDeclining(false)}
        okText={t(iProposed ? 'exchange.takeBack' : 'exchange.decline')}
        okButtonProps={{ danger: true, 'data-testid': 'cx-decline-ok' } as never}
        confirmLoading={decline.isPending}
        onOk={() => decline.mutate()}
        destroyOnHidden
      >
        <Typography.Paragraph data-testid="confirm-consequence">{t('exchange.declineConsequence')}</Typography.Paragraph>
        <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('exchange.declineReason')} aria-label={t('exchange.declineReason')} />
      </Modal>
    </>
  );
}
