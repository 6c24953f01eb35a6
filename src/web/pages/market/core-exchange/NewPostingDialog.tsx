import { useQueryClient } from '@tanstack/react-query';
import { App, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { REMAN_FIELDS } from '../../../../domain/enterprise';
import { validated } from '../../../components/confirm';
import { RegionInput, regionCodeRule } from '../../../components/RegionInput';
import { useApiErrorHandler } from '../../../errors';
import { optionsOf } from '../../../format';
import { useLocale } from '../../../i18n';
import { coreApi, coreKeys, GRADES, type PostBody, type Posting } from './coreExchangeApi';

/**
 * 发布供应 / 发布需求: a supply (cores on offer: an enterprise, or a registered organisation that says whether it is a
 * recycler or a dealer) or a demand (an enterprise: the worst grade it accepts). A model, or a field for any model
 * of it. The server's field errors land under their fields.
 */
export function NewPostingDialog({ kind, organisation, onClose, onCreated }: { kind: Posting['kind']; organisation: boolean; onClose: () => void; onCreated: (p: Posting) => void }) {
  const { locale, t } = useLocale();
  const [form] = Form.useForm<PostBody>();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const supply = kind === 'supply';

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      const p = await coreApi.post({ ...v, kind, model: v.model || undefined, note: v.note || undefined, regionCode: v.regionCode.trim() });
      message.success(t(supply ? 'exchange.posted.supply' : 'exchange.posted.demand'));
      void qc.invalidateQueries({ queryKey: coreKeys.all });
      onCreated(p);
    } catch (e) {
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(supply ? 'exchange.newSupply' : 'exchange.newDemand')}
      onCancel={onClose}
      width={640}
      okText={t('exchange.publish')}
      onOk={() => void submit()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'cx-post-submit' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(supply ? 'exchange.form.supplyHelp' : 'exchange.form.demandHelp')}</Typography.Paragraph>
      <Form<PostBody> form={form} layout="vertical" initialValues={{ grade: supply ? 'B' : 'C', ...(organisation ? { channel: 'recycler' } : {}) }} data-testid="cx-post-form">
        <Form.Item name="name" label={t('exchange.form.name')} extra={t('exchange.form.nameHelp')} rules={[{ required: true, min: 2, message: t('exchange.form.nameRule') }]}>
          <Input maxLength={200} data-testid="cx-post-name" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="model"
            label={t('exchange.form.model')}
            style={{ flex: '1 1 200px' }}
            dependencies={['field']}
            rules={[({ getFieldValue }) => ({ validator: async (_, v?: string) => { if (!v?.trim() && !getFieldValue('field')) throw new Error(t('exchange.form.modelOrField')); } })]}
          >
            <Input maxLength={100} data-testid="cx-post-model" />
          </Form.Item>
          <Form.Item name="field" label={t('exchange.form.field')} style={{ flex: '1 1 200px' }} extra={t('exchange.form.fieldHelp')}>
            <Select allowClear options={optionsOf(REMAN_FIELDS, locale)} data-testid="cx-post-field" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="quantity" label={t('exchange.form.quantity')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber<number> min={1} max={100_000} precision={0} style={{ width: 140 }} data-testid="cx-post-quantity" />
          </Form.Item>
          <Form.Item name="grade" label={t(supply ? 'exchange.form.grade' : 'exchange.form.minGrade')} extra={t('exchange.form.gradeHelp')} rules={[{ required: true, message: t('common.required') }]}>
            <Select style={{ width: 160 }} options={GRADES.map((g) => ({ value: g, label: t(`exchange.grade.${g}`) }))} data-testid="cx-post-grade" />
          </Form.Item>
          {organisation && supply ? (
            <Form.Item name="channel" label={t('exchange.form.channel')}>
              <Select style={{ width: 160 }} options={(['recycler', 'dealer'] as const).map((c) => ({ value: c, label: t(`exchange.channel.${c}`) }))} data-testid="cx-post-channel" />
            </Form.Item>
          ) : null}
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="priceCny" label={t(supply ? 'exchange.form.askPrice' : 'exchange.form.offerPrice')}>
            <InputNumber<number> min={0.01} max={100_000_000} precision={2} style={{ width: 180 }} data-testid="cx-post-price" />
          </Form.Item>
          <Form.Item name="depositCny" label={t('exchange.form.deposit')}>
            <InputNumber<number> min={0} max={100_000_000} precision={2} style={{ width: 180 }} />
          </Form.Item>
        </Flex>
        <Form.Item name="regionCode" label={t('exchange.form.region')} extra={t('exchange.form.regionHelp')} rules={[{ required: true, message: t('common.required') }, regionCodeRule(t('exchange.form.regionRule'))]}>
          <RegionInput />
        </Form.Item>
        <Form.Item name="note" label={t('exchange.form.note')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="cx-post-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
