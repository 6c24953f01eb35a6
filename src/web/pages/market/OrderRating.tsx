import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Rate, Typography } from 'antd';
import { useState } from 'react';
import { client, unwrap } from '../../api';
import { ApiError } from '../../api/client';
import { validated } from '../../components/confirm';
import { useApiErrorHandler } from '../../errors';
import { useLocale } from '../../i18n';

/**
 * 质量评价 on an accepted order (issue 13 "Quality feedback"): the rating when there is one; otherwise, for the
 * buyer, the form (units and seller 1–5, a comment). The server decides who may rate and when (403/409).
 */
export function OrderRating({ orderId, canRate }: { orderId: string; canRate: boolean }) {
  const { t } = useLocale();
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ unitScore: number; sellerScore: number; comment?: string }>();
  const [busy, setBusy] = useState(false);
  const key = ['orders', orderId, 'rating'];
  const rating = useQuery({
    queryKey: key,
    retry: false,
    queryFn: async ({ signal }) => {
      try {
        return await unwrap(client.GET('/api/v1/orders/{id}/rating', { params: { path: { id: orderId } }, signal }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
  if (rating.isLoading || (!rating.data && !canRate)) return null;
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      await unwrap(client.POST('/api/v1/orders/{id}/rating', { params: { path: { id: orderId } }, body: { unitScore: v.unitScore, sellerScore: v.sellerScore, comment: v.comment || undefined } }));
      await qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('market.rate.title')} data-testid="order-rating">
      {rating.data ? (
        <Flex vertical gap={4}>
          <Typography.Text data-testid="order-rating-done">{t('market.rate.done', { unit: rating.data.unitScore, seller: rating.data.sellerScore })}</Typography.Text>
          {rating.data.comment ? <Typography.Text type="secondary">{rating.data.comment}</Typography.Text> : null}
        </Flex>
      ) : (
        <Form form={form} layout="inline" style={{ rowGap: 8 }}>
          <Form.Item name="unitScore" label={t('market.rate.unit')} rules={[{ required: true, message: t('common.required') }]}>
            <Rate data-testid="order-rate-unit" />
          </Form.Item>
          <Form.Item name="sellerScore" label={t('market.rate.seller')} rules={[{ required: true, message: t('common.required') }]}>
            <Rate data-testid="order-rate-seller" />
          </Form.Item>
          <Form.Item name="comment" label={t('market.rate.comment')} style={{ minWidth: 320 }}>
            <Input maxLength={1000} data-testid="order-rate-comment" />
          </Form.Item>
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="order-rate-submit">
            {t('market.rate.title')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
