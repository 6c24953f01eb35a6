import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { LanguageSwitch } from '../../components/AppLayout';
import { formatDate, formatPercent } from '../../format';
import { useLocale } from '../../i18n';
import { BRAND_BLUE, BRAND_DARK } from '../../theme';
import { stepsByLife } from '../trace/genealogy';
import { traceApi, type PublicProduct } from '../trace/traceApi';
import { useT } from '../../i18n';
import { CatalogueBadge } from './portal/CatalogueBadge'; // 再制造产品目录 badge (issue 14)
import { ProductTestReports } from './portal/ProductTestReports'; // third-party test reports (issue 14 item 2)
import { UnitInsuranceLine } from '../market/UnitInsurance'; // 产品质量保险 (issue 13)

/**
 * The public verification page a QR label opens: `/p/{code}` (no login, phone first). It shows who
 * remanufactured the product and whether that enterprise is announced, when, the standard, the warranty, the
 * rates, the steps (dates and kinds only), and — big — whether the code is genuine. Unknown codes get a
 * friendly "not found" page.
 */
export default function ProductVerifyPage() {
  const { code = '' } = useParams();
  const { locale, pick } = useLocale();
  const tt = useT();
  const q = useQuery({
    queryKey: ['public', 'product', code],
    queryFn: ({ signal }) => traceApi.publicProduct(code, signal),
    retry: false,
  });

  let body: React.ReactNode;
  if (q.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (q.isError) {
    const e = q.error;
    if (e instanceof ApiError && e.status === 404) {
      body = (
        <Result
          status="warning"
          data-testid="verify-not-found"
          title={<span data-testid="verify-not-found-title">{tt('verify.notFound')}</span>}
          subTitle={tt('verify.notFoundSub', { code })}
          extra={<Button href="/public">{tt('verify.portal')}</Button>}
        />
      );
    } else {
      body = (
        <Result
          status="error"
          data-testid="verify-error"
          title={e instanceof ApiError && e.status === 429 ? tt('verify.rateLimited') : e instanceof ApiError ? e.localized(locale) : String(e)}
          extra={<Button onClick={() => void q.refetch()}>↻</Button>}
        />
      );
    }
  } else body = <ProductStory p={q.data} pick={pick} />;

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <div style={{ background: `linear-gradient(90deg, ${BRAND_DARK} 0%, ${BRAND_BLUE} 100%)`, color: '#fff' }}>
        <Flex justify="space-between" align="center" style={{ maxWidth: 720, margin: '0 auto', padding: '12px 16px' }} gap={8}>
          <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 18 }} data-testid="verify-page-title">
            {tt('verify.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
      </div>
      <div style={{ maxWidth: 720, margin: '0 auto', padding: 12 }}>{body}</div>
    </div>
  );
}

function ProductStory({ p, pick }: { p: PublicProduct; pick: (l: { zh: string; en: string }) => string }) {
  const { locale } = useLocale();
  const tt = useT();
  const tone = p.genuine
    ? { bg: '#f6ffed', border: '#52c41a', color: '#237804', icon: '✓', title: tt('verify.genuine'), sub: tt('verify.genuineSub') }
    : p.status === 'recalled'
      ? { bg: '#fff7e6', border: '#fa8c16', color: '#ad4e00', icon: '!', title: tt('verify.recalled'), sub: tt('verify.recalledSub') }
      : p.status === 'superseded'
        ? { bg: '#fff7e6', border: '#fa8c16', color: '#ad4e00', icon: '↻', title: tt('verify.superseded', { code: p.successor?.code ?? '' }), sub: tt('verify.supersededSub') }
        : p.status === 'disassembled'
          ? { bg: '#fff7e6', border: '#fa8c16', color: '#ad4e00', icon: '⚙', title: tt('verify.disassembled'), sub: tt('verify.disassembledSub') }
          : { bg: '#fff1f0', border: '#f5222d', color: '#a8071a', icon: '✕', title: tt('verify.revoked'), sub: tt('verify.revokedSub') };
  return (
    <Flex vertical gap={12}>
      <div
        data-testid="verify-status"
        data-status={p.status}
        data-genuine={String(p.genuine)}
        style={{ background: tone.bg, border: `2px solid ${tone.border}`, borderRadius: 8, padding: '20px 16px', textAlign: 'center' }}
      >
        <div style={{ fontSize: 56, color: tone.color, lineHeight: 1 }}>{tone.icon}</div>
        <div style={{ fontSize: 28, fontWeight: 700, color: tone.color, marginTop: 8 }} data-testid="verify-status-title">
          {tone.title}
        </div>
        <div style={{ color: '#595959', marginTop: 4 }}>{tone.sub}</div>
        <div style={{ marginTop: 8 }}>
          <Tag color={p.genuine ? 'green' : 'red'}>{pick(p.statusLabel)}</Tag>
          <Typography.Text code data-testid="verify-code">
            {p.code}
          </Typography.Text>
        </div>
        {p.successor ? (
          <div style={{ marginTop: 12 }}>
            <Button type="primary" href={p.successor.verifyPath} data-testid="verify-successor">
              {tt('verify.successorLink', { code: p.successor.code })}
            </Button>
          </div>
        ) : null}
      </div>

      <Card size="small">
        <Flex align="center" gap={12} wrap>
          <span data-testid="verify-mark" style={{ border: '2px solid #000', borderRadius: 4, padding: '2px 10px', fontSize: 22, fontWeight: 700, letterSpacing: 2 }}>
            再制造
          </span>
          <div>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }} data-testid="verify-product-name">
              {p.name}
              {p.model ? ` ${p.model}` : ''}
            </Typography.Title>
            <Typography.Text type="secondary">{tt('trace.lifeN', { n: p.life })}</Typography.Text>
            <CatalogueBadge code={p.code} />
          </div>
        </Flex>
      </Card>

      <Card size="small" title={tt('verify.remanufacturedBy')}>
        <div style={{ fontSize: 18, fontWeight: 600 }} data-testid="verify-enterprise">
          {p.enterprise.name}
        </div>
        <div style={{ marginTop: 6 }} data-testid="verify-announced" data-announced={String(p.enterprise.announced)}>
          {/* a long tag wraps instead of leaving its card on a phone (item 7) */}
          {p.enterprise.announced ? <Tag color="blue" style={{ whiteSpace: 'normal' }}>✓ {tt('verify.announced')}</Tag> : <Tag style={{ whiteSpace: 'normal' }}>{tt('verify.notAnnounced')}</Tag>}
        </div>
      </Card>

      <Card size="small">
        <Descriptions column={1} size="small" colon>
          <Descriptions.Item label={tt('verify.when')}>{formatDate(p.productionDate, locale)}</Descriptions.Item>
          <Descriptions.Item label={tt('trace.standardNo')}>
            <span data-testid="verify-standard">{p.standardNo ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={tt('trace.warranty')}>{p.warrantyMonths != null ? tt('trace.warrantyMonths', { n: p.warrantyMonths }) : '—'}</Descriptions.Item>
          <Descriptions.Item label={tt('trace.massRate')}>
            <span data-testid="verify-mass-rate">{formatPercent(p.massRate)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={tt('trace.valueRate')}>
            <span data-testid="verify-value-rate">{formatPercent(p.valueRate)}</span>
          </Descriptions.Item>
        </Descriptions>
        {p.formulaVersion ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} title={p.formulaVersion}>
            {tt('verify.rates')}
          </Typography.Text>
        ) : null}
        <UnitInsuranceLine code={p.code} />
      </Card>

      <ProductTestReports code={p.code} />

      <Card size="small" title={tt('verify.steps')}>
        <div data-testid="verify-steps">
          {stepsByLife(p.steps, p.life).map((g) => (
            <section key={g.life} data-testid="verify-life" data-life={g.life} aria-label={tt('verify.lifeGroup', { n: g.life })}>
              <Typography.Title level={3} style={{ fontSize: 15, margin: '4px 0 12px' }}>
                {g.life === p.life ? tt('verify.lifeCurrent', { n: g.life }) : tt('verify.lifeGroup', { n: g.life })}
              </Typography.Title>
              <Timeline
                items={g.steps.map((s, i) => ({
                  key: `${s.date}-${s.kind}-${i}`,
                  content: (
                    <span data-testid={`verify-step-${s.kind}`}>
                      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{formatDate(s.date, locale)}</Typography.Text> {pick(s.label)}
                    </span>
                  ),
                }))}
              />
            </section>
          ))}
        </div>
      </Card>
    </Flex>
  );
}
