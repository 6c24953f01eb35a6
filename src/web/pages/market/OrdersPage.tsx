import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../../auth';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useLocale, type MessageKey } from '../../i18n';
import { useUrlPaging } from '../../paging';
import { formatCny } from './marketApi';
import { ORDER_STATUSES, orderApi, orderKeys, type Order, type OrderStatus } from './orderApi';
import { SECONDARY_TEXT } from '../../theme';

export const ORDER_STATUS_COLOR: Record<OrderStatus, string> = {
  inquiry: 'purple',
  quoted: 'purple',
  placed: 'orange',
  confirmed: 'blue',
  paid: 'cyan',
  delivered: 'geekblue',
  accepted: 'green',
  disputed: 'red',
  cancelled: 'default',
};

/**
 * 我的订单 (buyer roles: the organisation's orders) and 销售订单 (enterprise roles: the enterprise's) — one page, the
 * server decides what each side sees. Status filter and paging in the URL; each row opens the order page.
 */
export default function OrdersPage() {
  const { locale, t, pick } = useLocale();
  const me = useMe();
  const role = me.data?.role;
  const buyer = role === 'buyer_admin' || role === 'buyer_staff';
  const seller = role === 'enterprise_admin' || role === 'enterprise_staff';
  const { params, page, pageSize, update, pagination } = useUrlPaging();
  const status = (params.get('status') ?? '') as '' | OrderStatus;
  const query = { page, pageSize, ...(status ? { status } : {}) };
  const list = useQuery({ queryKey: orderKeys.list(query), queryFn: ({ signal }) => orderApi.list(query, signal), placeholderData: keepPreviousData });

  const columns: TableColumnsType<Order> = [
    {
      title: t('market.orders.no'),
      key: 'no',
      width: 110,
      render: (_, o) => (
        <Link to={`/orders/${o.id}`} data-testid="order-link">
          {o.id.slice(0, 8)}
        </Link>
      ),
    },
    {
      title: t('market.orders.item'),
      key: 'item',
      render: (_, o) => (
        <>
          <span data-testid="order-row-title">{o.listing.title}</span>
          <div style={{ color: SECONDARY_TEXT, fontSize: 12 }}>
            {o.listing.productName}
            {o.listing.model ? ` ${o.listing.model}` : ''}
          </div>
        </>
      ),
    },
    {
      title: buyer ? t('market.orders.seller') : seller ? t('market.orders.buyer') : t('market.orders.counterparty'),
      key: 'party',
      render: (_, o) => (buyer ? o.seller.name : seller ? o.buyer.name : `${o.seller.name} → ${o.buyer.name}`),
    },
    { title: t('market.orders.qty'), dataIndex: 'quantity', width: 70 },
    { title: t('market.orders.payable'), key: 'payable', width: 140, align: 'right', render: (_, o) => formatCny(o.payableCny, locale) },
    {
      title: t('common.status'),
      key: 'status',
      width: 170,
      render: (_, o) => (
        <Flex gap={4} wrap>
          <Tag color={ORDER_STATUS_COLOR[o.status]} data-testid="order-row-status" data-status={o.status}>
            {pick(o.statusLabel)}
          </Tag>
          {o.tradeIn ? <Tag color={o.tradeIn.overdue ? 'red' : 'gold'}>{`${t('market.orders.tradeIn')} · ${pick(o.tradeIn.statusLabel)}`}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('market.orders.createdAt'), key: 'createdAt', width: 170, render: (_, o) => formatDateTime(o.createdAt, locale) },
  ];

  return (
    <>
      <PageHeader title={buyer ? t('market.orders.buyerTitle') : seller ? t('market.orders.sellerTitle') : t('market.orders.allTitle')} subTitle={t('market.orders.sub')} />
      <Card>
        <Flex gap={12} style={{ marginBottom: 16 }}>
          <Select
            allowClear
            value={status || undefined}
            onChange={(v: string | undefined) => update({ status: v, page: 1 })}
            placeholder={t('market.orders.allStatus')}
            aria-label={t('market.orders.allStatus')}
            style={{ width: 180 }}
            options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`market.orders.s.${s}` as MessageKey) }))}
            data-testid="orders-status-filter"
          />
        </Flex>
        <Table<Order>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={pagination(list.data?.total ?? 0)}
          locale={{ emptyText: list.isError ? t('common.loadFailed') : <Typography.Text type="secondary">{t('market.orders.none')}</Typography.Text> }}
          scroll={{ x: 900 }}
          data-testid="orders-table"
        />
      </Card>
    </>
  );
}
