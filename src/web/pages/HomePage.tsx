import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { client, unwrap } from '../api';
import { useCurrentUser } from '../auth';
import { PageHeader } from '../components/PageHeader';
import { TodoListCard } from '../components/TodoList';
import { orgKindLabel, roleLabel } from '../format';
import { useLocale } from '../i18n';
import { isAuthorityRole, isInsurerRole, isMinistryRole } from '../menu';
import { qk } from '../queries';

const RegionChart = lazy(() => import('../components/RegionChart'));
// the insurer's home card (claims to decide, its book): its own chunk, as only insurers open it
const InsurerHomeCard = lazy(() => import('./market/InsurerHomeCard'));

/**
 * The enterprises chart of the home page: MIIT by province; a provincial authority by city, the shape of its own
 * province (issue 16 item 5), not a national chart with one bar.
 */
function StatsCard({ byCity }: { byCity: boolean }) {
  const { t } = useLocale();
  const stats = useQuery({
    queryKey: [...qk.stats, byCity ? 'city' : 'province'],
    queryFn: ({ signal }) => unwrap(client.GET(byCity ? '/api/v1/enterprises/stats/by-city' : '/api/v1/enterprises/stats/by-region', { signal })),
    retry: false,
  });
  // Nothing at all when the call fails (or while there is nothing to show).
  if (stats.isError || !stats.data || !Array.isArray(stats.data.items) || stats.data.items.length === 0) return null;
  return (
    <Card title={byCity ? t('ux.home.cityChart') : t('home.chartTitle')} style={{ marginTop: 16 }} data-testid="region-stats" data-level={byCity ? 'city' : 'province'}>
      <Suspense fallback={<div style={{ height: 360 }} />}>
        <RegionChart items={stats.data.items} byName={byCity} />
      </Suspense>
    </Card>
  );
}

export default function HomePage() {
  const me = useCurrentUser();
  const { locale, t } = useLocale();
  const showStats = isAuthorityRole(me.role) || isMinistryRole(me.role);
  return (
    <>
      <PageHeader title={t('home.title')} />
      <Row gutter={16}>
        <Col span={24}>
          <Card data-testid="welcome-card">
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('home.welcome', { name: me.displayName || me.username })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 1, md: 3 }}
              items={[
                {
                  key: 'org',
                  label: t('home.organization'),
                  children: (
                    <span data-testid="welcome-organization">
                      {me.organization.name}
                      <Typography.Text type="secondary"> · {orgKindLabel(me.organization.kind, locale)}</Typography.Text>
                    </span>
                  ),
                },
                { key: 'role', label: t('home.role'), children: <span data-testid="welcome-role">{roleLabel(me.role, locale)}</span> },
                { key: 'username', label: t('home.username'), children: me.username },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {/* an insurer takes no part in the procedures the to-do list gathers: what waits for it is its claims */}
      {isInsurerRole(me.role) ? (
        <Suspense fallback={<Card style={{ marginTop: 16 }} loading />}>
          <InsurerHomeCard />
        </Suspense>
      ) : (
        <TodoListCard />
      )}
      {showStats ? <StatsCard byCity={isAuthorityRole(me.role)} /> : null}
    </>
  );
}
