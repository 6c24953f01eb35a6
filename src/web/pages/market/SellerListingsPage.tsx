import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { REMAN_FIELDS } from '../../../domain/enterprise';
import { ApiError } from '../../api';
import { useMe } from '../../auth';
import { useConfirm, validated } from '../../components/confirm';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorHandler } from '../../errors';
import { formatDateTime, optionsOf } from '../../format';
import { useLocale, type MessageKey } from '../../i18n';
import { useUrlPaging } from '../../paging';
import { formatCny, marketApi, marketKeys, type CreateListingBody, type ListingSummary } from './marketApi';
import { SECONDARY_TEXT } from '../../theme';

const STATUS_COLOR = { active: 'green', sold: 'blue', withdrawn: 'default' } as const;

/**
 * 我的商品 (enterprise users): the seller's listings with status, publish from the enterprise's own genuine
 * products (a product picker over the trace), withdraw with a confirmation naming the consequence.
 * The server's refusals PRODUCT_NOT_LISTABLE and UNIT_ALREADY_LISTED are shown above the form and under the
 * product field.
 */
export default function SellerListingsPage() {
  const { locale, t } = useLocale();
  const me = useMe();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const status = (params.get('status') ?? '') as '' | ListingSummary['status'];
  const [open, setOpen] = useState(false);
  const query = { page, pageSize, ...(status ? { status } : {}) };
  const list = useQuery({ queryKey: marketKeys.mine(query), queryFn: ({ signal }) => marketApi.mine(query, signal), placeholderData: keepPreviousData });
  const isSeller = me.data?.role === 'enterprise_admin' || me.data?.role === 'enterprise_staff';

  const withdraw = useMutation({
    mutationFn: (id: string) => marketApi.withdraw(id),
    onSuccess: () => {
      message.success(t('market.seller.withdrawn'));
      void qc.invalidateQueries({ queryKey: marketKeys.mineAll });
      void qc.invalidateQueries({ queryKey: ['public', 'listings'] });
    },
    onError: (e) => onError(e),
  });

  const columns: TableColumnsType<ListingSummary> = [
    {
      title: t('market.seller.title.field'),
      key: 'title',
      render: (_, l) => (
        <>
          <Link to={`/public/market/${l.id}`} data-testid="seller-listing-link">
            {l.title}
          </Link>
          <div style={{ color: SECONDARY_TEXT, fontSize: 12 }}>
            {l.productName}
            {l.model ? ` ${l.model}` : ''} · <Typography.Text code style={{ fontSize: 12 }}>{l.productCode}</Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('market.seller.price'), key: 'price', width: 140, align: 'right', render: (_, l) => formatCny(l.priceCny, locale) },
    { title: t('market.seller.units'), key: 'units', width: 90, render: (_, l) => t('market.units', { n: l.unitsAvailable }) },
    {
      title: t('common.status'),
      key: 'status',
      width: 140,
      render: (_, l) => (
        <>
          <Tag color={STATUS_COLOR[l.status]} data-testid="seller-listing-status" data-status={l.status}>
            {t(`market.status.${l.status}` as MessageKey)}
          </Tag>
          {l.statusReason ? <div style={{ color: SECONDARY_TEXT, fontSize: 12 }}>{l.statusReason}</div> : null}
        </>
      ),
    },
    { title: t('common.createdAt'), key: 'createdAt', width: 170, render: (_, l) => formatDateTime(l.createdAt, locale) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, l) =>
        l.status === 'active' && isSeller ? (
          <Button
            size="small"
            danger
            data-testid="seller-withdraw"
            onClick={() =>
              confirm({
                title: t('market.seller.withdrawTitle', { title: l.title }),
                consequence: t('market.seller.withdrawConsequence'),
                okText: t('market.seller.withdraw'),
                danger: true,
                onOk: () => withdraw.mutateAsync(l.id),
              })
            }
          >
            {t('market.seller.withdraw')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('market.seller.title')}
        subTitle={t('market.seller.sub')}
        extra={
          isSeller ? (
            <Button type="primary" onClick={() => setOpen(true)} data-testid="seller-new-listing">
              {t('market.seller.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} style={{ marginBottom: 16 }}>
          <Select
            allowClear
            value={status || undefined}
            onChange={(v: string | undefined) => update({ status: v, page: 1 })}
            placeholder={t('market.seller.allStatus')}
            aria-label={t('market.seller.allStatus')}
            style={{ width: 160 }}
            options={(['active', 'sold', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`market.status.${s}`) }))}
            data-testid="seller-status-filter"
          />
        </Flex>
        <Table<ListingSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={pagination(list.data?.total ?? 0)}
          locale={{ emptyText: list.isError ? t('common.loadFailed') : t('market.seller.none') }}
          scroll={{ x: 800 }}
          data-testid="seller-listings"
        />
      </Card>
      {open ? (
        <NewListingDialog
          onClose={() => setOpen(false)}
          onCreated={() => {
            setOpen(false);
            message.success(t('market.seller.published'));
            void qc.invalidateQueries({ queryKey: marketKeys.mineAll });
            void qc.invalidateQueries({ queryKey: ['public', 'listings'] });
          }}
        />
      ) : null}
    </>
  );
}

type FormValues = Omit<CreateListingBody, 'productCode'> & { productCodes: string[] };

function NewListingDialog({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { locale, t } = useLocale();
  const [form] = Form.useForm<FormValues>();
  const onError = useApiErrorHandler();
  const [search, setSearch] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const products = useQuery({ queryKey: marketKeys.products(search), queryFn: ({ signal }) => marketApi.genuineProducts(search || undefined, signal), placeholderData: keepPreviousData });

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    setRefusal(null);
    try {
      await marketApi.create({ ...v, description: v.description || undefined });
      onCreated();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'PRODUCT_NOT_LISTABLE') setRefusal(t('market.seller.notListable', { why: e.localized(locale) }));
      else if (e instanceof ApiError && e.code === 'UNIT_ALREADY_LISTED') setRefusal(t('market.seller.alreadyListed'));
      onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('market.seller.new')}
      onCancel={onClose}
      width={640}
      okText={t('market.seller.publish')}
      onOk={() => void submit()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'seller-publish' } as never}
      destroyOnHidden
    >
      {refusal ? <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} data-testid="seller-refusal" /> : null}
      <Form<FormValues> form={form} layout="vertical" data-testid="seller-listing-form">
        <Form.Item name="productCodes" label={t('market.seller.products')} extra={t('market.seller.productsHelp')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={products.isFetching}
            data-testid="seller-product-picker"
            options={(products.data?.items ?? []).map((p) => ({
              value: p.code,
              label: `${p.name}${p.model ? ` ${p.model}` : ''} · ${p.code}`,
            }))}
            onChange={(codes: string[]) => {
              const first = products.data?.items.find((p) => p.code === codes[0]);
              if (first && !form.getFieldValue('title')) form.setFieldValue('title', `${first.name}${first.model ? ` ${first.model}` : ''}`);
            }}
          />
        </Form.Item>
        <Form.Item name="title" label={t('market.seller.title.field')} rules={[{ required: true, min: 2, message: t('common.required') }]}>
          <Input maxLength={200} data-testid="seller-title" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="priceCny" label={t('market.seller.price')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber<number> min={0.01} precision={2} style={{ width: 180 }} data-testid="seller-price" />
          </Form.Item>
          <Form.Item name="newReferencePriceCny" label={t('market.seller.newRef')}>
            <InputNumber<number> min={0.01} precision={2} style={{ width: 220 }} data-testid="seller-new-ref" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="warrantyMonths" label={t('market.seller.warranty')}>
            <InputNumber<number> min={0} max={120} precision={0} style={{ width: 180 }} data-testid="seller-warranty" />
          </Form.Item>
          <Form.Item name="field" label={t('market.seller.field')}>
            <Select allowClear options={optionsOf(REMAN_FIELDS, locale)} style={{ width: 220 }} data-testid="seller-field" />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('market.seller.description')}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="seller-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
