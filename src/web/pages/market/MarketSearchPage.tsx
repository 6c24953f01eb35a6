import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Empty, Flex, Input, InputNumber, Pagination, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { REMAN_FIELDS } from '../../../domain/enterprise';
import { useMe } from '../../auth';
import { PageHeader } from '../../components/PageHeader';
import { optionsOf, provinceOptions, regionLabel, remanFieldLabel } from '../../format';
import { useLocale } from '../../i18n';
import { useUrlPaging } from '../../paging';
import { Highlight, markedTerms, Snippet } from './Highlight';
import { formatCny, formatShare, marketApi, marketKeys, type ListingSummary, type PublicListingsQuery } from './marketApi';
import { SellerQuality } from './SellerQuality';
import { CatalogueBadge } from '../public/portal/CatalogueBadge'; // 再制造产品目录 badge (issue 14)

/**
 * 再制造产品市场 (issue 13, public, no login): Chinese full-text search (jieba on the server), filters by field,
 * region, price and announced sellers, paging in the URL, hits marked. Each card shows the verified facts the list
 * carries (announced badge, life, 价值再制造率, warranty) and the saving against a new product.
 */
export default function MarketSearchPage() {
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const me = useMe();
  const { params, page, pageSize, update } = useUrlPaging([12, 24, 48]);
  const q = params.get('q') ?? '';
  const field = params.get('field') ?? '';
  const region = params.get('region') ?? '';
  const minPrice = params.get('minPrice') ?? '';
  const maxPrice = params.get('maxPrice') ?? '';
  const announcedOnly = params.get('announcedOnly') === 'true';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const size = [12, 24, 48].includes(pageSize) ? pageSize : 12;

  const priceBad = minPrice !== '' && maxPrice !== '' && Number(minPrice) > Number(maxPrice);
  const query: PublicListingsQuery = {
    page,
    pageSize: size,
    q: q || undefined,
    field: (field || undefined) as PublicListingsQuery['field'],
    region: region || undefined,
    minPrice: minPrice === '' ? undefined : Number(minPrice),
    maxPrice: maxPrice === '' ? undefined : Number(maxPrice),
    announcedOnly: announcedOnly ? 'true' : undefined,
  };
  const list = useQuery({
    queryKey: marketKeys.search(query),
    queryFn: ({ signal }) => marketApi.search(query, signal),
    placeholderData: keepPreviousData,
    enabled: !priceBad,
  });
  const isBuyer = me.data?.role === 'buyer_admin' || me.data?.role === 'buyer_staff';

  return (
    <>
      <PageHeader
        title={t('market.title')}
        extra={
          !me.data ? (
            <Button onClick={() => navigate('/public/register')} data-testid="market-register">
              {t('market.register')}
            </Button>
          ) : isBuyer ? (
            <Button onClick={() => navigate('/buyer')} data-testid="market-my-orders">
              {t('market.menu.buyerHome')}
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('market.sub')}
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Input.Search
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => update({ q: v.trim(), page: 1 })}
            placeholder={t('market.search')}
            enterButton={t('common.search')}
            style={{ width: 420, maxWidth: '100%' }}
            data-testid="market-search"
            aria-label={t('market.search')}
          />
          <Select
            allowClear
            value={field || undefined}
            onChange={(v: string | undefined) => update({ field: v, page: 1 })}
            options={optionsOf(REMAN_FIELDS, locale)}
            placeholder={t('market.allFields')}
            aria-label={t('market.allFields')}
            style={{ width: 200 }}
            data-testid="market-field"
          />
          <Select
            allowClear
            value={region || undefined}
            onChange={(v: string | undefined) => update({ region: v, page: 1 })}
            options={provinceOptions(locale)}
            placeholder={t('market.allRegions')}
            aria-label={t('market.allRegions')}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 160 }}
            data-testid="market-region"
          />
          <Flex gap={4} align="center">
            <InputNumber<number>
              min={0}
              value={minPrice === '' ? null : Number(minPrice)}
              onChange={(v) => update({ minPrice: v ?? undefined, page: 1 })}
              placeholder={t('market.minPrice')}
              aria-label={t('market.minPrice')}
              style={{ width: 130 }}
              status={priceBad ? 'error' : undefined}
              data-testid="market-min-price"
            />
            –
            <InputNumber<number>
              min={0}
              value={maxPrice === '' ? null : Number(maxPrice)}
              onChange={(v) => update({ maxPrice: v ?? undefined, page: 1 })}
              placeholder={t('market.maxPrice')}
              aria-label={t('market.maxPrice')}
              style={{ width: 130 }}
              status={priceBad ? 'error' : undefined}
              data-testid="market-max-price"
            />
          </Flex>
          <Checkbox checked={announcedOnly} onChange={(e) => update({ announcedOnly: e.target.checked ? 'true' : undefined, page: 1 })} data-testid="market-announced-only">
            {t('market.announcedOnly')}
          </Checkbox>
        </Flex>
        {priceBad ? (
          <Typography.Text type="danger" data-testid="market-price-error">
            {t('market.priceRange')}
          </Typography.Text>
        ) : null}
      </Card>

      {list.isPending && !priceBad ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : !list.data?.items.length ? (
        <Card>
          <Empty description={list.isError ? t('common.loadFailed') : t('market.noMatch')} data-testid="market-empty" />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="market-results" data-total={list.data.total}>
            {list.data.items.map((l) => (
              <Col key={l.id} xs={24} sm={12} lg={8}>
                <ListingCard l={l} />
              </Col>
            ))}
          </Row>
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Pagination
              current={page}
              pageSize={size}
              total={list.data.total}
              showSizeChanger
              pageSizeOptions={[12, 24, 48]}
              showTotal={(n) => t('common.total', { total: list.data.capped ? `${n}+` : n })}
              onChange={(p, ps) => update({ page: ps !== size ? 1 : p, pageSize: ps })}
              data-testid="market-pagination"
            />
          </Flex>
        </>
      )}
    </>
  );
}

function ListingCard({ l }: { l: ListingSummary }) {
  const { locale, t } = useLocale();
  const terms = markedTerms(l.snippet);
  return (
    // the link's name is the card's own text (its title first): no aria-label that differs from what is seen (axe, issue 16 item 19)
    <Link to={`/public/market/${l.id}`} data-testid="market-card" data-listing-id={l.id}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0, minHeight: 44 }} data-testid="market-card-title">
          <Highlight text={l.title} terms={terms} />
        </Typography.Title>
        <Flex align="baseline" gap={8} wrap style={{ margin: '8px 0 4px' }}>
          <span style={{ fontSize: 22, fontWeight: 700, color: '#cf1322' }} data-testid="market-card-price">
            {formatCny(l.priceCny, locale)}
          </span>
          {l.savingVsNew !== null && l.savingVsNew > 0 ? <Tag color="green">{t('market.saving', { pct: formatShare(l.savingVsNew) })}</Tag> : null}
        </Flex>
        {l.newReferencePriceCny !== null ? (
          <Typography.Text type="secondary" delete style={{ fontSize: 12 }}>
            {t('market.newRef', { price: formatCny(l.newReferencePriceCny, locale) })}
          </Typography.Text>
        ) : null}
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{l.enterprise.name}</Typography.Text>{' '}
          {l.enterprise.announced ? (
            <Tag color="blue" data-testid="market-card-announced">
              ✓ {t('market.announced')}
            </Tag>
          ) : (
            <Tag data-testid="market-card-not-announced">{t('market.notAnnounced')}</Tag>
          )}
          <SellerQuality quality={l.enterprise.quality} />
          <div style={{ color: '#595959', fontSize: 12 }}>
            {regionLabel(l.enterprise.regionCode, locale, l.enterprise.regionName)}
            {l.field ? ` · ${remanFieldLabel(l.field, locale)}` : ''}
          </div>
        </div>
        <Flex gap={4} wrap style={{ marginTop: 8 }}>
          <CatalogueBadge code={l.productCode} link={false} />
          <Tag>{t('market.units', { n: l.unitsAvailable })}</Tag>
          <Tag>{t('market.life', { n: l.life })}</Tag>
          {l.rates.valueRate !== null ? <Tag>{t('market.valueRate', { pct: `${l.rates.valueRate.toFixed(1)}%` })}</Tag> : null}
          {l.warrantyMonths !== null ? <Tag>{t('market.warranty', { n: l.warrantyMonths })}</Tag> : null}
        </Flex>
        {l.snippet ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }} data-testid="market-card-snippet" ellipsis={{ rows: 2 }}>
            <Snippet snippet={l.snippet} />
          </Typography.Paragraph>
        ) : null}
      </Card>
    </Link>
  );
}
