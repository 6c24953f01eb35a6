import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, Modal, Result, Row, Select, Skeleton, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { useConfirm, validated } from '../../components/confirm';
import { useApiErrorHandler } from '../../errors';
import { formatDate, formatDateTime } from '../../format';
import { useLocale, type MessageKey } from '../../i18n';
import { formatCny } from './marketApi';
import { orderApi, orderDoc, orderKeys, voucherHref, type Order } from './orderApi';
import { ORDER_STATUS_COLOR } from './OrdersPage';
import { OrderRating } from './OrderRating';
import { UnitPoliciesCard } from './InsuranceDialogs';
import { useMe } from '../../auth';

type Step = 'quote' | 'place' | 'confirm' | 'pay' | 'deliver' | 'accept' | 'dispute' | 'resolve' | 'cancel' | 'recordInvoice' | 'shipCore' | 'receiveCore' | 'settleTradeIn';
/** steps asked with a plain confirmation (no fields) and the consequence they name */
const CONFIRM_ONLY: Partial<Record<Step, MessageKey>> = { place: 'market.orders.c.place', accept: 'market.orders.c.accept', settleTradeIn: 'market.orders.c.settle' };
/** the order in which the buttons appear (primary first) */
const ORDER: Step[] = ['quote', 'place', 'confirm', 'pay', 'deliver', 'accept', 'shipCore', 'receiveCore', 'settleTradeIn', 'recordInvoice', 'resolve', 'dispute', 'cancel'];
const PRIMARY = new Set<Step>(['quote', 'place', 'confirm', 'pay', 'deliver', 'accept', 'shipCore', 'receiveCore', 'settleTradeIn']);
const DANGER = new Set<Step>(['dispute', 'cancel']);
/** order states in which its units' quality insurance is recorded and shown (the unit is the buyer's or reserved for it) */
const INSURABLE = new Set<Order['status']>(['confirmed', 'paid', 'delivered', 'accepted', 'disputed']);

/**
 * One order (both sides and MIIT): amounts, payment, units (each links to its public verification), the trade-in
 * and its core, payments with vouchers, documents (.docx), and the buttons the server says the caller may press now
 * (`actions`: policy × state machine). Each step opens a small dialog for its fields, or a confirmation naming
 * what it does; the server's refusal (409 with the reason, 400 under the field) is shown, nothing else changes.
 */
export default function OrderPage() {
  const { id = '' } = useParams();
  const { locale, t, pick } = useLocale();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Step | null>(null);
  const me = useMe();
  const q = useQuery({ queryKey: orderKeys.one(id), queryFn: ({ signal }) => orderApi.get(id, signal), retry: false });

  const applied = (o: Order, label: string) => {
    qc.setQueryData(orderKeys.one(id), o);
    void qc.invalidateQueries({ queryKey: orderKeys.all });
    void qc.invalidateQueries({ queryKey: ['public', 'listings'] });
    message.success(t('market.orders.done', { action: label }));
  };
  const decide = useMutation({
    mutationFn: (v: { pid: string; ok: boolean }) => orderApi.decidePayment(id, v.pid, v.ok),
    onSuccess: (o, v) => applied(o, t(v.ok ? 'market.orders.a.confirmPayment' : 'market.orders.a.rejectPayment')),
    onError: (e) => onError(e),
  });

  if (q.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (q.isError) {
    const nf = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
    return <Result status={nf ? '404' : 'error'} title={nf ? t('app.notFound') : t('common.loadFailed')} extra={<Button onClick={() => navigate('/orders')}>{t('market.orders.back')}</Button>} />;
  }
  const o = q.data;
  const can = (s: string) => o.actions.includes(s);
  const steps = ORDER.filter((s) => can(s));

  const run = (s: Step) => {
    const label = t(`market.orders.a.${s}` as MessageKey);
    const simple = { place: orderApi.place, accept: orderApi.accept, settleTradeIn: orderApi.settleTradeIn } as Partial<Record<Step, (i: string) => Promise<Order>>>;
    const consequence = CONFIRM_ONLY[s];
    if (consequence && simple[s]) {
      confirm({
        title: label,
        consequence: t(consequence),
        okText: label,
        testId: `order-confirm-${s}`,
        onOk: async () => {
          try {
            applied(await simple[s]!(id), label);
          } catch (e) {
            onError(e);
            throw e;
          }
        },
      });
    } else setDialog(s);
  };

  const tradeIn = o.tradeIn;
  return (
    <Flex vertical gap={16} data-testid="order-page" data-status={o.status}>
      <div>
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => navigate('/orders')} data-testid="order-back">
          ‹ {t('market.orders.back')}
        </Button>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {o.listing.title}
        </Typography.Title>
        <Flex gap={6} wrap style={{ marginTop: 6 }}>
          <Tag color={ORDER_STATUS_COLOR[o.status]} data-testid="order-status" data-status={o.status}>
            {pick(o.statusLabel)}
          </Tag>
          <Tag data-testid="order-payment-status" data-status={o.paymentStatus}>
            {t(`market.orders.pay.${o.paymentStatus}` as MessageKey)}
          </Tag>
          {tradeIn ? (
            <Tag color={tradeIn.overdue ? 'red' : 'gold'} data-testid="order-tradein-status" data-status={tradeIn.status}>
              {`${t('market.orders.tradeIn')} · ${pick(tradeIn.statusLabel)}`}
              {tradeIn.overdue ? ` · ${t('market.ti.overdue')}` : ''}
            </Tag>
          ) : null}
          <Typography.Text type="secondary">{`${t('market.orders.no')} ${o.id.slice(0, 8)}`}</Typography.Text>
        </Flex>
      </div>

      <Card size="small" title={t('market.orders.actions')} data-testid="order-actions">
        {steps.length === 0 ? (
          <Typography.Text type="secondary">{t('market.orders.noActions')}</Typography.Text>
        ) : (
          <Flex gap={8} wrap>
            {steps.map((s) => (
              <Button key={s} type={PRIMARY.has(s) ? 'primary' : 'default'} danger={DANGER.has(s)} onClick={() => run(s)} data-testid={`order-action-${s}`}>
                {t(`market.orders.a.${s}` as MessageKey)}
              </Button>
            ))}
          </Flex>
        )}
      </Card>

      {o.status === 'accepted' ? <OrderRating orderId={o.id} canRate={me.data?.role === 'buyer_admin' || me.data?.role === 'buyer_staff'} /> : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('market.orders.item')} style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('market.orders.seller')}>{o.seller.name}</Descriptions.Item>
              <Descriptions.Item label={t('market.orders.buyer')}>{o.buyer.name}</Descriptions.Item>
              <Descriptions.Item label={t('market.orders.qty')}>{o.quantity}</Descriptions.Item>
              <Descriptions.Item label={t('market.orders.unitPrice')}>{formatCny(o.unitPriceCny, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('market.orders.total')}>{formatCny(o.totalCny, locale)}</Descriptions.Item>
              {o.creditCny ? <Descriptions.Item label={t('market.orders.credit')}>−{formatCny(o.creditCny, locale)}</Descriptions.Item> : null}
              {o.depositCny ? <Descriptions.Item label={t('market.orders.deposit')}>+{formatCny(o.depositCny, locale)}</Descriptions.Item> : null}
              <Descriptions.Item label={t('market.orders.payable')}>
                <Typography.Text strong data-testid="order-payable">
                  {formatCny(o.payableCny, locale)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('market.orders.paid')}>{formatCny(o.paidCny, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('market.orders.terms')}>{t(`market.orders.terms.${o.paymentTerms}` as MessageKey)}</Descriptions.Item>
              <Descriptions.Item label={t('market.orders.invoice')}>
                <span data-testid="order-invoice">{o.invoiceNumber ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('market.orders.createdAt')}>{formatDateTime(o.createdAt, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('market.orders.deliveredAt')}>{o.deliveredAt ? formatDateTime(o.deliveredAt, locale) : '—'}</Descriptions.Item>
              {o.message ? <Descriptions.Item label={t('market.orders.message')}>{o.message}</Descriptions.Item> : null}
              {o.quoteNote ? <Descriptions.Item label={t('market.orders.quoteNote')}>{o.quoteNote}</Descriptions.Item> : null}
              {o.disputeReason ? <Descriptions.Item label={t('market.orders.disputeReason')}>{o.disputeReason}</Descriptions.Item> : null}
              {o.resolution ? <Descriptions.Item label={t('market.orders.resolution')}>{o.resolution}</Descriptions.Item> : null}
              {o.cancelReason ? <Descriptions.Item label={t('market.orders.cancelReason')}>{o.cancelReason}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('market.orders.units')}>
              {o.units.length === 0 ? (
                <Typography.Text type="secondary">{t('market.orders.unitsNone')}</Typography.Text>
              ) : (
                <Flex vertical gap={4} data-testid="order-units">
                  {o.units.map((c) => (
                    <span key={c}>
                      <Typography.Text code data-testid="order-unit">
                        {c}
                      </Typography.Text>{' '}
                      <a href={`/p/${encodeURIComponent(c)}`} target="_blank" rel="noreferrer">
                        {t('market.orders.verifyUnit')}
                      </a>
                    </span>
                  ))}
                </Flex>
              )}
            </Card>
            {INSURABLE.has(o.status) && o.units.length ? <UnitPoliciesCard codes={o.units} orderId={o.id} canRecord={me.data?.role === 'enterprise_admin' || me.data?.role === 'enterprise_staff'} /> : null}
            {tradeIn ? (
              <Card size="small" title={t('market.ti.title')} data-testid="order-tradein">
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('market.ti.model')}>{tradeIn.model}</Descriptions.Item>
                  <Descriptions.Item label={t('market.ti.age')}>{tradeIn.ageYears}</Descriptions.Item>
                  <Descriptions.Item label={t('market.ti.hours')}>{tradeIn.runningHours}</Descriptions.Item>
                  <Descriptions.Item label={t('market.ti.condition')}>{t('market.ti.gradeUsed', { grade: tradeIn.grade, declared: tradeIn.declaredGrade })}</Descriptions.Item>
                  {tradeIn.productCode ? <Descriptions.Item label={t('market.ti.code')}>{tradeIn.productCode}</Descriptions.Item> : null}
                  <Descriptions.Item label={t('market.orders.credit')}>{formatCny(tradeIn.creditCny, locale)}</Descriptions.Item>
                  <Descriptions.Item label={t('market.orders.deposit')}>{formatCny(tradeIn.depositCny, locale)}</Descriptions.Item>
                  <Descriptions.Item label={t('market.ti.status')}>
                    <span data-testid="tradein-status" data-status={tradeIn.status}>
                      {pick(tradeIn.statusLabel)}
                    </span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('market.ti.due')}>
                    {tradeIn.dueOn ? formatDate(tradeIn.dueOn, locale) : '—'} {tradeIn.overdue ? <Tag color="red">{t('market.ti.overdue')}</Tag> : null}
                  </Descriptions.Item>
                  {tradeIn.trackingNo ? <Descriptions.Item label={t('market.ti.tracking')}>{tradeIn.trackingNo}</Descriptions.Item> : null}
                  {tradeIn.coreEpc ? <Descriptions.Item label={t('market.ti.coreEpc')}>{tradeIn.coreEpc}</Descriptions.Item> : null}
                  {tradeIn.finalGrade ? <Descriptions.Item label={t('market.ti.finalGrade')}>{tradeIn.finalGrade}</Descriptions.Item> : null}
                  {tradeIn.finalValueCny !== null ? <Descriptions.Item label={t('market.ti.finalValue')}>{formatCny(tradeIn.finalValueCny, locale)}</Descriptions.Item> : null}
                  {tradeIn.refundCny !== null ? (
                    <Descriptions.Item label={t('market.ti.refund')}>
                      <span data-testid="tradein-refund">{formatCny(tradeIn.refundCny, locale)}</span>
                    </Descriptions.Item>
                  ) : null}
                </Descriptions>
              </Card>
            ) : null}
            <Card size="small" title={t('market.orders.docs')}>
              <Flex gap={8} wrap>
                <Button href={orderDoc(o.id, 'contract')} data-testid="order-doc-contract">
                  {t('market.orders.doc.contract')}
                </Button>
                {o.deliveredAt ? (
                  <Button href={orderDoc(o.id, 'delivery-note')} data-testid="order-doc-delivery-note">
                    {t('market.orders.doc.deliveryNote')}
                  </Button>
                ) : null}
                {tradeIn?.finalGrade ? (
                  <Button href={orderDoc(o.id, 'settlement')} data-testid="order-doc-settlement">
                    {t('market.orders.doc.settlement')}
                  </Button>
                ) : null}
              </Flex>
            </Card>
          </Flex>
        </Col>
      </Row>

      <Card size="small" title={t('market.orders.payments')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={o.payments}
          data-testid="order-payments"
          locale={{ emptyText: t('market.orders.paymentsNone') }}
          scroll={{ x: 640 }}
          columns={[
            { title: t('market.orders.amount'), key: 'amount', render: (_, x) => formatCny(x.amountCny, locale) },
            { title: t('market.orders.reference'), key: 'ref', render: (_, x) => x.reference ?? '—' },
            { title: t('common.status'), key: 'status', render: (_, x) => <Tag data-testid="payment-status" data-status={x.status}>{t(`market.orders.payment.${x.status}` as MessageKey)}</Tag> },
            { title: t('market.orders.createdAt'), key: 'at', render: (_, x) => formatDateTime(x.submittedAt, locale) },
            { title: t('market.orders.voucher'), key: 'voucher', render: (_, x) => (x.hasVoucher ? <a href={voucherHref(o.id, x.id)}>{t('market.orders.voucher')}</a> : '—') },
            {
              title: t('market.orders.actions'),
              key: 'actions',
              render: (_, x) =>
                x.status === 'submitted' && can('confirmPayment') ? (
                  <Flex gap={6}>
                    <Button
                      size="small"
                      type="primary"
                      data-testid="payment-confirm"
                      onClick={() => confirm({ title: t('market.orders.a.confirmPayment'), consequence: t('market.orders.c.confirmPayment'), okText: t('market.orders.a.confirmPayment'), onOk: () => decide.mutateAsync({ pid: x.id, ok: true }) })}
                    >
                      {t('market.orders.a.confirmPayment')}
                    </Button>
                    <Button size="small" danger data-testid="payment-reject" loading={decide.isPending} onClick={() => decide.mutate({ pid: x.id, ok: false })}>
                      {t('market.orders.a.rejectPayment')}
                    </Button>
                  </Flex>
                ) : null,
            },
          ]}
        />
      </Card>

      {dialog ? <StepDialog step={dialog} order={o} onClose={() => setDialog(null)} onDone={(n) => { setDialog(null); applied(n, t(`market.orders.a.${dialog}` as MessageKey)); }} /> : null}
    </Flex>
  );
}

const GRADES = ['A', 'B', 'C', 'D'] as const;

/** The fields of one step; submit calls the step's route and hands back the order the server answers. */
function StepDialog({ step, order, onClose, onDone }: { step: Step; order: Order; onClose: () => void; onDone: (o: Order) => void }) {
  const { t } = useLocale();
  const [form] = Form.useForm<Record<string, unknown>>();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const owed = Math.round((order.payableCny - order.paidCny) * 100) / 100;
  const opt = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

  const send = async (v: Record<string, unknown>): Promise<Order> => {
    const id = order.id;
    switch (step) {
      case 'quote':
        return orderApi.quote(id, { unitPriceCny: v.unitPriceCny as number, paymentTerms: v.paymentTerms as Order['paymentTerms'], note: opt(v.note) });
      case 'confirm':
        return orderApi.confirm(id, { paymentTerms: v.paymentTerms as Order['paymentTerms'] });
      case 'deliver':
        return orderApi.deliver(id, { invoiceNumber: opt(v.invoiceNumber), note: opt(v.note) });
      case 'dispute':
        return orderApi.dispute(id, { reason: String(v.reason ?? '') });
      case 'resolve':
        return orderApi.resolve(id, { resolution: String(v.resolution ?? '') });
      case 'cancel':
        return orderApi.cancel(id, { reason: opt(v.reason) });
      case 'recordInvoice':
        return orderApi.invoice(id, { invoiceNumber: String(v.invoiceNumber ?? '') });
      case 'shipCore':
        return orderApi.shipCore(id, { trackingNo: opt(v.trackingNo) });
      case 'receiveCore':
        return orderApi.receiveCore(id, { grade: v.grade as (typeof GRADES)[number], note: opt(v.note) });
      case 'pay': {
        const fd = new FormData();
        fd.append('amountCny', String(v.amountCny));
        if (opt(v.reference)) fd.append('reference', opt(v.reference)!);
        if (opt(v.note)) fd.append('note', opt(v.note)!);
        const f = files[0]?.originFileObj;
        if (f) fd.append('voucher', f, f.name);
        return orderApi.pay(id, fd);
      }
      default:
        throw new Error(`no dialog for ${step}`);
    }
  };

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      onDone(await send(v));
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  const terms = (
    <Form.Item name="paymentTerms" label={t('market.orders.f.terms')}>
      <Select data-testid="step-terms" options={(['on_account', 'prepayment'] as const).map((x) => ({ value: x, label: t(`market.orders.terms.${x}`) }))} />
    </Form.Item>
  );
  const note = (
    <Form.Item name="note" label={t('market.orders.f.note')}>
      <Input.TextArea rows={2} maxLength={500} data-testid="step-note" />
    </Form.Item>
  );
  const consequence = step === 'confirm' ? t('market.orders.c.confirm') : step === 'deliver' ? t('market.orders.c.deliver') : null;

  return (
    <Modal
      open
      title={t(`market.orders.a.${step}` as MessageKey)}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t(`market.orders.a.${step}` as MessageKey)}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'step-ok', danger: DANGER.has(step) } as never}
      destroyOnHidden
    >
      {consequence ? (
        <Typography.Paragraph type="secondary" data-testid="step-consequence">
          {consequence}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" data-testid={`step-form-${step}`} initialValues={{ paymentTerms: order.paymentTerms, unitPriceCny: order.unitPriceCny, amountCny: owed > 0 ? owed : undefined }}>
        {step === 'quote' ? (
          <>
            <Form.Item name="unitPriceCny" label={t('market.orders.f.unitPrice')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber<number> min={0.01} precision={2} style={{ width: 200 }} data-testid="step-unit-price" />
            </Form.Item>
            {terms}
            {note}
          </>
        ) : null}
        {step === 'confirm' ? terms : null}
        {step === 'deliver' ? (
          <>
            <Form.Item name="invoiceNumber" label={t('market.orders.f.invoiceOptional')}>
              <Input maxLength={50} data-testid="step-invoice" />
            </Form.Item>
            {note}
          </>
        ) : null}
        {step === 'recordInvoice' ? (
          <Form.Item name="invoiceNumber" label={t('market.orders.f.invoice')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={50} data-testid="step-invoice" />
          </Form.Item>
        ) : null}
        {step === 'dispute' ? (
          <Form.Item name="reason" label={t('market.orders.f.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="step-reason" />
          </Form.Item>
        ) : null}
        {step === 'cancel' ? (
          <Form.Item name="reason" label={t('market.orders.f.reasonOptional')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="step-reason" />
          </Form.Item>
        ) : null}
        {step === 'resolve' ? (
          <Form.Item name="resolution" label={t('market.orders.f.resolution')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="step-resolution" />
          </Form.Item>
        ) : null}
        {step === 'shipCore' ? (
          <Form.Item name="trackingNo" label={t('market.orders.f.tracking')}>
            <Input maxLength={100} data-testid="step-tracking" />
          </Form.Item>
        ) : null}
        {step === 'receiveCore' ? (
          <>
            <Form.Item name="grade" label={t('market.orders.f.grade')} rules={[{ required: true, message: t('common.required') }]}>
              <Select data-testid="step-grade" options={GRADES.map((g) => ({ value: g, label: t(`market.ti.grade.${g}` as MessageKey) }))} />
            </Form.Item>
            {note}
          </>
        ) : null}
        {step === 'pay' ? (
          <>
            <Form.Item name="amountCny" label={t('market.orders.f.amount')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber<number> min={0.01} precision={2} style={{ width: 220 }} data-testid="step-amount" />
            </Form.Item>
            <Form.Item name="reference" label={t('market.orders.f.reference')}>
              <Input maxLength={100} data-testid="step-reference" />
            </Form.Item>
            <Form.Item label={t('market.orders.f.voucher')} required>
              <Upload accept=".pdf,.jpg,.jpeg,.png,.ofd" maxCount={1} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(-1))}>
                <Button data-testid="step-voucher">{t('market.orders.f.voucherPick')}</Button>
              </Upload>
            </Form.Item>
            {note}
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
