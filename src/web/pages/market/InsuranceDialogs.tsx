import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Radio, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { validated } from '../../components/confirm';
import { useApiErrorHandler } from '../../errors';
import { formatDate } from '../../format';
import { useLocale } from '../../i18n';
import { formatCny } from './marketApi';
import { insuranceApi, insuranceKeys, type InsuranceClaim, type InsurancePolicy, type RecordPolicyBody } from './insuranceApi';

/** 保障中 (the term covers today) or not. */
export function PolicyStatusTag({ p }: { p: Pick<InsurancePolicy, 'active'> }) {
  const { t } = useLocale();
  return p.active ? (
    <Tag color="green" data-testid="policy-active" data-active="true">
      {t('market.ins.active')}
    </Tag>
  ) : (
    <Tag data-testid="policy-active" data-active="false">
      {t('market.ins.inactive')}
    </Tag>
  );
}

type Decision = 'accepted' | 'rejected';

/**
 * The insurer's decision on a claim routed to it: pay (an amount within the cover left) or reject, with a reason.
 * The dialog names the consequence before the button is pressed — what the policy's cover becomes, who is told,
 * that it cannot be changed — and the button repeats the decision (red for a rejection). The server decides again
 * on the locked claim and policy rows (over the cover: 400 under the amount; decided meanwhile: 409).
 */
export function DecideClaimDialog({ claim, onClose }: { claim: InsuranceClaim; onClose: () => void }) {
  const { t, locale } = useLocale();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ decision: Decision; amountCny?: number; reason: string }>();
  const [busy, setBusy] = useState(false);
  const policy = useQuery({ queryKey: insuranceKeys.policy(claim.policy.id), queryFn: ({ signal }) => insuranceApi.policy(claim.policy.id, signal) });
  const decision = Form.useWatch('decision', form) ?? 'accepted';
  const amount = Form.useWatch('amountCny', form);
  const left = policy.data ? Math.round((policy.data.coverCny - policy.data.paidCny) * 100) / 100 : null;
  const leftText = formatCny(left, locale);
  const no = claim.policy.policyNumber;
  const consequence =
    decision === 'rejected'
      ? t('market.ins.c.rejected', { no })
      : typeof amount === 'number' && amount > 0 && left !== null
        ? t('market.ins.c.accepted', { amount: formatCny(amount, locale), no, left: formatCny(Math.max(0, Math.round((left - amount) * 100) / 100), locale) })
        : t('market.ins.c.acceptedNoAmount', { no, left: leftText });

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      await insuranceApi.decide(claim.caseId, { decision: v.decision, reason: v.reason, ...(v.decision === 'accepted' ? { amountCny: v.amountCny } : {}) });
      void qc.invalidateQueries({ queryKey: insuranceKeys.all });
      message.success(t('market.ins.decided'));
      onClose();
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${t('market.ins.decide')} · ${claim.caseNumber}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t(`market.ins.ok.${decision}`)}
      okButtonProps={{ danger: decision === 'rejected', 'data-testid': 'claim-ok' } as never}
      confirmLoading={busy}
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph>
        {claim.title}
        {claim.description ? <Typography.Text type="secondary">{` — ${claim.description}`}</Typography.Text> : null}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {`${t('market.ins.number')} ${no} · ${t('market.ins.cover')} ${formatCny(claim.policy.coverCny, locale)} · ${t('market.ins.coverLeft')} `}
        <span data-testid="claim-cover-left">{leftText}</span>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ decision: 'accepted' }} data-testid="claim-form">
        <Form.Item name="decision" label={t('market.ins.decision')}>
          <Radio.Group
            optionType="button"
            data-testid="claim-decision"
            options={(['accepted', 'rejected'] as const).map((d) => ({ value: d, label: <span data-testid={`claim-decision-${d}`}>{t(`market.ins.decision.${d}`)}</span> }))}
          />
        </Form.Item>
        {decision === 'accepted' ? (
          <Form.Item name="amountCny" label={t('market.ins.amount')} extra={t('market.ins.amountHelp', { left: leftText })} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber<number> min={0.01} precision={2} style={{ width: 200 }} data-testid="claim-amount-input" />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label={t('market.ins.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="claim-reason" />
        </Form.Item>
      </Form>
      <Typography.Paragraph strong type={decision === 'rejected' ? 'danger' : undefined} data-testid="claim-consequence" data-decision={decision}>
        {consequence}
      </Typography.Paragraph>
    </Modal>
  );
}

type RecordValues = Omit<RecordPolicyBody, 'orderId' | 'leaseId'>;

/** The enterprise records a unit's quality insurance at its sale (`orderId`, one of `codes`) or lease (`leaseId`). */
export function RecordPolicyDialog({ orderId, leaseId, codes, onClose }: { orderId?: string; leaseId?: string; codes: string[]; onClose: () => void }) {
  const { t } = useLocale();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<RecordValues>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      await insuranceApi.record({ ...v, coverage: v.coverage || undefined, ...(orderId ? { orderId } : { leaseId }) });
      void qc.invalidateQueries({ queryKey: insuranceKeys.all });
      void qc.invalidateQueries({ queryKey: ['public', 'insurance'] });
      message.success(t('market.ins.recorded'));
      onClose();
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('market.ins.recordTitle')} onCancel={onClose} onOk={() => void submit()} okText={t('market.ins.record')} okButtonProps={{ 'data-testid': 'policy-ok' } as never} confirmLoading={busy} destroyOnHidden width={640}>
      <Typography.Paragraph type="secondary">{t('market.ins.recordHelp')}</Typography.Paragraph>
      <Form<RecordValues> form={form} layout="vertical" initialValues={{ productCode: codes[0] }} data-testid="policy-form">
        <Form.Item name="productCode" label={t('market.ins.unit')} rules={[{ required: true, message: t('common.required') }]}>
          <Select data-testid="policy-unit" options={codes.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="insurerCreditCode" label={t('market.ins.insurerCode')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={18} style={{ width: 240 }} data-testid="policy-insurer" />
          </Form.Item>
          <Form.Item name="policyNumber" label={t('market.ins.number')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={64} style={{ width: 220 }} data-testid="policy-number" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="coverCny" label={t('market.ins.cover')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber<number> min={0.01} precision={2} style={{ width: 180 }} data-testid="policy-cover" />
          </Form.Item>
          <Form.Item name="premiumCny" label={t('market.ins.premium')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber<number> min={0} precision={2} style={{ width: 160 }} data-testid="policy-premium" />
          </Form.Item>
          <Form.Item name="startsOn" label={t('market.ins.startsOn')} rules={[{ required: true, message: t('common.required') }]}>
            <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} data-testid="policy-starts" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('market.ins.endsOn')} rules={[{ required: true, message: t('common.required') }]}>
            <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} data-testid="policy-ends" />
          </Form.Item>
        </Flex>
        <Form.Item name="coverage" label={t('market.ins.coverage')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="policy-coverage" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The quality insurance of a sale's or lease's units, for the enterprise and the holder (each sees the policies the
 * server lets it read); the enterprise records one here while the sale or lease allows it.
 */
export function UnitPoliciesCard({ codes, orderId, leaseId, canRecord }: { codes: string[]; orderId?: string; leaseId?: string; canRecord: boolean }) {
  const { t, locale } = useLocale();
  const [open, setOpen] = useState(false);
  const shown = codes.slice(0, 10);
  const q = useQuery({
    queryKey: insuranceKeys.policies({ codes: shown }),
    enabled: shown.length > 0,
    queryFn: async ({ signal }) => (await Promise.all(shown.map((productCode) => insuranceApi.policies({ page: 1, pageSize: 20, productCode }, signal)))).flatMap((r) => r.items),
  });
  const policies = q.data ?? [];
  return (
    <Card
      size="small"
      title={t('market.ins.unitCard')}
      data-testid="unit-policies"
      extra={
        canRecord ? (
          <Button size="small" onClick={() => setOpen(true)} data-testid="policy-record">
            {t('market.ins.record')}
          </Button>
        ) : null
      }
    >
      {policies.length === 0 ? (
        <Typography.Text type="secondary">{q.isError ? t('common.loadFailed') : t('market.ins.unitNone')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          {policies.map((p) => (
            <div key={p.id} data-testid="unit-policy">
              <Link to={`/insurance/policies/${p.id}`}>{p.policyNumber}</Link> <PolicyStatusTag p={p} />
              <Typography.Text type="secondary">
                {` ${p.productCode} · ${p.insurer.name} · ${t('market.ins.cover')} ${formatCny(p.coverCny, locale)} · ${t('market.ins.termText', { from: formatDate(p.startsOn, locale), to: formatDate(p.endsOn, locale) })}`}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      )}
      {open ? <RecordPolicyDialog orderId={orderId} leaseId={leaseId} codes={codes} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}
