import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Divider, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api';
import { validated } from '../../components/confirm';
import { useApiErrorHandler } from '../../errors';
import { useLocale, type MessageKey } from '../../i18n';
import type { ListingDetail } from './marketApi';
import { formatCny } from './marketApi';
import { orderApi, orderKeys, type CreateOrderBody } from './orderApi';
import { SECONDARY_TEXT } from '../../theme';

type TradeIn = NonNullable<CreateOrderBody['tradeIn']>;
interface Values {
  quantity: number;
  inquiry: boolean;
  message?: string;
  withTradeIn: boolean;
  tradeIn?: Partial<TradeIn>;
}
const GRADES = ['A', 'B', 'C', 'D'] as const;

const complete = (t: Partial<TradeIn> | undefined): t is TradeIn =>
  !!t && !!t.model?.trim() && typeof t.ageYears === 'number' && typeof t.runningHours === 'number' && !!t.condition;

/**
 * 下单 on the listing page (buyer roles): quantity, inquiry or order, and 以旧换再 — the old unit's model, age,
 * running hours, condition and optionally its platform code; the instant estimate (the seller's rule) is asked as
 * soon as the four facts are there and the payable amount (goods − credit + deposit) is shown before submitting.
 */
export function OrderForm({ listing }: { listing: ListingDetail }) {
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const withTradeIn = Form.useWatch('withTradeIn', form) ?? false;
  const tradeIn = Form.useWatch('tradeIn', form);
  const quantity = Form.useWatch('quantity', form) ?? 1;
  const inquiry = Form.useWatch('inquiry', form) ?? false;
  const ti = withTradeIn && complete(tradeIn) ? { model: tradeIn.model, ageYears: tradeIn.ageYears, runningHours: tradeIn.runningHours, condition: tradeIn.condition, ...(tradeIn.productCode?.trim() ? { productCode: tradeIn.productCode.trim() } : {}) } : null;
  const estimate = useQuery({
    queryKey: ['public', 'trade-in-estimate', listing.id, ti],
    queryFn: () => orderApi.estimate({ listingId: listing.id, ...ti! }),
    enabled: !!ti,
    retry: false,
    placeholderData: keepPreviousData,
  });
  const est = ti && !estimate.isError ? estimate.data : undefined;
  const total = listing.priceCny * (quantity || 1);
  const credit = est?.creditCny ?? 0;
  const deposit = est?.coreDepositCny ?? 0;

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    setRefusal(null);
    try {
      const o = await orderApi.create({
        listingId: listing.id,
        quantity: v.quantity,
        inquiry: v.inquiry,
        ...(v.message?.trim() ? { message: v.message.trim() } : {}),
        ...(v.withTradeIn && v.tradeIn ? { tradeIn: { ...(v.tradeIn as TradeIn), productCode: v.tradeIn.productCode?.trim() || undefined } } : {}),
      });
      void qc.invalidateQueries({ queryKey: orderKeys.all });
      void qc.invalidateQueries({ queryKey: ['public', 'listings'] });
      navigate(`/orders/${o.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setRefusal(e.localized(locale));
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="order-form" style={{ marginTop: 16 }}>
      <Divider style={{ margin: '8px 0 12px' }}>{t('market.of.title')}</Divider>
      {refusal ? <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} data-testid="order-refusal" /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={{ quantity: 1, inquiry: false, withTradeIn: false }} onFinish={() => void submit()}>
        <Flex gap={12} wrap align="end">
          <Form.Item name="quantity" label={t('market.of.qty')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber<number> min={1} max={listing.unitsAvailable || 1} precision={0} style={{ width: 120 }} data-testid="order-quantity" />
          </Form.Item>
          <Form.Item name="inquiry" valuePropName="checked">
            <Checkbox data-testid="order-inquiry">{t('market.of.inquiry')}</Checkbox>
          </Form.Item>
        </Flex>
        <Form.Item name="message" label={t('market.of.message')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="order-message" />
        </Form.Item>
        <Form.Item name="withTradeIn" valuePropName="checked" label={t('market.ti.add')}>
          <Switch data-testid="order-tradein-toggle" />
        </Form.Item>
        {withTradeIn ? (
          <div data-testid="order-tradein" style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 12px 0' }}>
            <Form.Item name={['tradeIn', 'model']} label={t('market.ti.model')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={100} data-testid="tradein-model" />
            </Form.Item>
            <Flex gap={12} wrap>
              <Form.Item name={['tradeIn', 'ageYears']} label={t('market.ti.age')} rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber<number> min={0} max={100} style={{ width: 140 }} data-testid="tradein-age" />
              </Form.Item>
              <Form.Item name={['tradeIn', 'runningHours']} label={t('market.ti.hours')} rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber<number> min={0} max={1_000_000} precision={0} style={{ width: 160 }} data-testid="tradein-hours" />
              </Form.Item>
              <Form.Item name={['tradeIn', 'condition']} label={t('market.ti.condition')} rules={[{ required: true, message: t('common.required') }]}>
                <Select style={{ width: 160 }} data-testid="tradein-condition" options={GRADES.map((g) => ({ value: g, label: t(`market.ti.grade.${g}` as MessageKey) }))} />
              </Form.Item>
            </Flex>
            <Form.Item name={['tradeIn', 'productCode']} label={t('market.ti.code')} extra={t('market.ti.codeHelp')}>
              <Input maxLength={500} data-testid="tradein-code" />
            </Form.Item>
            <div data-testid="tradein-estimate" data-credit={est ? String(est.creditCny) : ''} style={{ paddingBottom: 12 }}>
              <Typography.Text strong>{t('market.ti.estimate')}：</Typography.Text>
              {est ? (
                <>
                  <Typography.Text type="success">{t('market.ti.estimateText', { credit: formatCny(est.creditCny, locale), deposit: formatCny(est.coreDepositCny, locale), days: est.returnDays })}</Typography.Text>
                  <div style={{ fontSize: 12, color: SECONDARY_TEXT }}>{t('market.ti.gradeUsed', { grade: est.grade, declared: est.declaredGrade })}</div>
                </>
              ) : estimate.isError && ti ? (
                <Typography.Text type="danger" data-testid="tradein-estimate-error">
                  {estimate.error instanceof ApiError ? estimate.error.localized(locale) : t('common.loadFailed')}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              )}
            </div>
          </div>
        ) : null}
        <div style={{ margin: '12px 0' }} data-testid="order-summary">
          {t('market.of.summary', { total: formatCny(total, locale), credit: formatCny(credit, locale), deposit: formatCny(deposit, locale), payable: formatCny(total - credit + deposit, locale) })}
        </div>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="order-submit">
          {inquiry ? t('market.of.submitInquiry') : t('market.of.submit')}
        </Button>
      </Form>
    </div>
  );
}
