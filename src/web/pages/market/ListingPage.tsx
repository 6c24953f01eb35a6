import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { useMe } from '../../auth';
import { formatDate, formatPercent, regionLabel, remanFieldLabel } from '../../format';
import { useLocale, type MessageKey } from '../../i18n';
import { useT } from '../../i18n';
import { formatCny, formatShare, marketApi, marketKeys, type ListingDetail } from './marketApi';
import { OrderForm } from './OrderForm';
import { CatalogueBadge } from '../public/portal/CatalogueBadge'; // 再制造产品目录 badge (issue 14)
import { SellerQuality } from './SellerQuality';
import { UnitInsuranceLine } from './UnitInsurance';

/** Extra content of the listing page for a signed-in buyer (the order form, once orders exist). */
export type ListingOrderSlot = (l: ListingDetail) => ReactNode;

/**
 * One listing (public): price and the saving against a new product, the seller with its announced badge, and the
 * unit's verified record — the facts of /p/{code} (enterprise, lives, steps, 再制造率, standard, warranty) — that
 * come from the trace, not from the seller. Each unit links to its public verification page.
 */
export default function ListingPage({ orderSlot }: { orderSlot?: ListingOrderSlot }) {
  const { id = '' } = useParams();
  const { locale, t, pick } = useLocale();
  const navigate = useNavigate();
  const me = useMe();
  const tt = useT();
  const q = useQuery({ queryKey: marketKeys.listing(id), queryFn: ({ signal }) => marketApi.listing(id, signal), retry: false });

  if (q.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (q.isError) {
    const notFound = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('market.listing.notFound') : t('common.loadFailed')}
        data-testid="listing-error"
        extra={<Button onClick={() => navigate('/public/market')}>{t('market.listing.back')}</Button>}
      />
    );
  }
  const l = q.data;
  const v = l.verified;
  const isBuyer = me.data?.role === 'buyer_admin' || me.data?.role === 'buyer_staff';
  const saving = l.newReferencePriceCny !== null && l.savingVsNew !== null ? l.newReferencePriceCny - l.priceCny : null;

  return (
    <Flex vertical gap={16}>
      <div>
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => navigate('/public/market')} data-testid="listing-back">
          ‹ {t('market.listing.back')}
        </Button>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }} data-testid="listing-title">
          {l.title}
        </Typography.Title>
        <Flex gap={6} wrap style={{ marginTop: 6 }}>
          <CatalogueBadge code={l.productCode} />
          <Tag color={l.status === 'active' ? 'green' : 'default'} data-testid="listing-status" data-status={l.status}>
            {t(`market.status.${l.status}` as MessageKey)}
          </Tag>
          <Tag>{t('market.units', { n: l.unitsAvailable })}</Tag>
          {l.field ? <Tag>{remanFieldLabel(l.field, locale)}</Tag> : null}
        </Flex>
      </div>

      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card size="small" style={{ height: '100%' }}>
            <div style={{ fontSize: 30, fontWeight: 700, color: '#cf1322' }} data-testid="listing-price">
              {formatCny(l.priceCny, locale)}
            </div>
            <div data-testid="listing-compare" style={{ marginTop: 8 }}>
              <Typography.Text strong>{t('market.listing.compare')}：</Typography.Text>
              {saving !== null && l.newReferencePriceCny !== null ? (
                <Typography.Text type={saving > 0 ? 'success' : undefined}>
                  {t('market.listing.compareText', {
                    ref: formatCny(l.newReferencePriceCny, locale),
                    price: formatCny(l.priceCny, locale),
                    saving: formatCny(saving, locale),
                    pct: formatShare(l.savingVsNew),
                  })}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('market.listing.noCompare')}</Typography.Text>
              )}
            </div>
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('market.listing.seller')}>
                <span data-testid="listing-seller">{l.enterprise.name}</span>{' '}
                {l.enterprise.announced ? <Tag color="blue">✓ {t('market.announced')}</Tag> : <Tag>{t('market.notAnnounced')}</Tag>}
                <SellerQuality quality={l.enterprise.quality} />
              </Descriptions.Item>
              <Descriptions.Item label={t('market.listing.region')}>{regionLabel(l.enterprise.regionCode, locale, l.enterprise.regionName)}</Descriptions.Item>
              <Descriptions.Item label={t('market.listing.model')}>
                {l.productName}
                {l.model ? ` ${l.model}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={tt('trace.warranty')}>{l.warrantyMonths !== null ? t('market.warranty', { n: l.warrantyMonths }) : '—'}</Descriptions.Item>
            </Descriptions>
            {l.description ? (
              <>
                <Typography.Text strong>{t('market.listing.description')}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="listing-description">
                  {l.description}
                </Typography.Paragraph>
              </>
            ) : null}
            {l.status === 'active' && !isBuyer ? (
              <Alert type="info" showIcon message={t('market.listing.loginToOrder')} action={!me.data ? <Button size="small" onClick={() => navigate('/login', { state: { from: `/public/market/${l.id}` } })}>{t('pub.login')}</Button> : undefined} />
            ) : null}
            {isBuyer && l.status === 'active' ? (orderSlot ? orderSlot(l) : <OrderForm listing={l} />) : null}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('market.listing.verified')} data-testid="listing-verified" style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('market.listing.verifiedSub')}
            </Typography.Paragraph>
            {v ? (
              <>
                <div
                  data-testid="listing-verified-status"
                  data-genuine={String(v.genuine)}
                  style={{ background: v.genuine ? '#f6ffed' : '#fff7e6', border: `1px solid ${v.genuine ? '#52c41a' : '#fa8c16'}`, borderRadius: 6, padding: '8px 12px', marginBottom: 12, fontWeight: 600, color: v.genuine ? '#237804' : '#ad4e00' }}
                >
                  {v.genuine ? `✓ ${t('market.listing.genuine')}` : t('market.listing.notGenuine', { status: pick(v.statusLabel) })}
                </div>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={tt('trace.enterprise')}>
                    <span data-testid="listing-verified-enterprise">{v.enterprise.name}</span>{' '}
                    {v.enterprise.announced ? <Tag color="blue">✓ {t('market.announced')}</Tag> : <Tag>{t('market.notAnnounced')}</Tag>}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('market.listing.unitCode')}>
                    <Typography.Text code>{v.code}</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('market.listing.lifeLabel')}>{t('market.life', { n: v.life })}</Descriptions.Item>
                  <Descriptions.Item label={tt('trace.productionDate')}>{formatDate(v.productionDate, locale)}</Descriptions.Item>
                  <Descriptions.Item label={tt('trace.standardNo')}>
                    <span data-testid="listing-verified-standard">{v.standardNo ?? '—'}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={tt('trace.warranty')}>{v.warrantyMonths != null ? t('market.warranty', { n: v.warrantyMonths }) : '—'}</Descriptions.Item>
                  <Descriptions.Item label={tt('trace.massRate')}>
                    <span data-testid="listing-verified-mass-rate">{formatPercent(v.massRate)}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={tt('trace.valueRate')}>
                    <span data-testid="listing-verified-value-rate">{formatPercent(v.valueRate)}</span>
                  </Descriptions.Item>
                </Descriptions>
                <div style={{ marginBottom: 12 }}>
                  <UnitInsuranceLine code={v.code} />
                </div>
                <Typography.Text strong>{t('market.listing.steps')}</Typography.Text>
                <div data-testid="listing-verified-steps" style={{ marginTop: 8 }}>
                  <Timeline
                    items={v.steps.map((s, i) => ({
                      key: `${s.date}-${s.kind}-${i}`,
                      content: (
                        <span data-testid={`listing-step-${s.kind}`}>
                          <Typography.Text type="secondary">{formatDate(s.date, locale)}</Typography.Text> {pick(s.label)}
                        </span>
                      ),
                    }))}
                  />
                </div>
                <Button href={`/p/${encodeURIComponent(v.code)}`} target="_blank" data-testid="listing-verify-link">
                  {t('market.listing.viewVerify')}
                </Button>
              </>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('market.listing.unitsTitle')}>
        <Table
          size="small"
          rowKey="productCode"
          pagination={l.units.length > 10 ? { pageSize: 10 } : false}
          dataSource={l.units}
          data-testid="listing-units"
          columns={[
            { title: t('market.listing.unitCode'), key: 'code', render: (_, u) => <Typography.Text code>{u.productCode}</Typography.Text> },
            { title: t('common.status'), key: 'status', width: 100, render: (_, u) => t(`market.unit.${u.status}` as MessageKey) },
            {
              title: t('market.listing.verify'),
              key: 'verify',
              width: 90,
              render: (_, u) => (
                <a href={`/p/${encodeURIComponent(u.productCode)}`} target="_blank" rel="noreferrer">
                  {t('market.listing.verify')}
                </a>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
