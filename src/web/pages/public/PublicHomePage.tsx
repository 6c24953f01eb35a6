import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Input, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { client, unwrap } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useLocale, type MessageKey } from '../../i18n';
import { qk } from '../../queries';

const CARDS: { path: string; title: MessageKey; desc: MessageKey; testId: string }[] = [
  { path: '/public/announced', title: 'pub.announced', desc: 'pub.card.announced', testId: 'public-card-announced' },
  { path: '/public/announcements', title: 'pub.announcements', desc: 'pub.card.announcements', testId: 'public-card-announcements' },
  { path: '/public/notices', title: 'pub.notices', desc: 'pub.card.notices', testId: 'public-card-notices' },
];

export default function PublicHomePage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  // counts only: one row of each list, its total
  const one = { page: 1, pageSize: 1, entriesPageSize: 1 };
  const batches = useQuery({
    queryKey: [...qk.publicAnnouncements, 'count'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/announcements', { params: { query: one }, signal })),
  });
  const notices = useQuery({
    queryKey: [...qk.publicNotices, 'count'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/notices', { params: { query: one }, signal })),
  });
  const announced = useQuery({
    queryKey: ['public', 'announced', 'count'],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/announced-enterprises', { params: { query: { page: 1, pageSize: 1 } }, signal })),
  });
  const stats: Record<string, number | undefined> = {
    '/public/announced': announced.data?.total,
    '/public/announcements': batches.data?.total,
    '/public/notices': notices.data?.total,
  };

  return (
    <>
      <PageHeader title={t('pub.portal')} />
      <Card style={{ marginBottom: 24 }}>
        <Typography.Paragraph style={{ fontSize: 15, marginBottom: 0 }}>{t('pub.intro')}</Typography.Paragraph>
      </Card>
      {/* a service counter (issue 16 item 15): verify a product by its code without scanning; statistics; complaints */}
      <Card style={{ marginBottom: 24 }} data-testid="public-counter">
        <Flex gap={16} wrap align="center">
          <Input.Search
            placeholder={t('ux.pub.verifyPlaceholder')}
            aria-label={t('ux.pub.verifyPlaceholder')}
            enterButton={t('ux.pub.verify')}
            style={{ maxWidth: 420 }}
            onSearch={(v) => v.trim() && navigate(`/p/${encodeURIComponent(v.trim().toUpperCase())}`)}
            data-testid="public-verify-code"
          />
          <Button onClick={() => navigate('/public/statistics')} data-testid="public-counter-statistics">
            {t('ux.pub.statistics')}
          </Button>
          <Button onClick={() => navigate('/public/complaints')} data-testid="public-counter-complaints">
            {t('ux.pub.complaints')}
          </Button>
        </Flex>
      </Card>
      <Row gutter={[24, 24]}>
        {CARDS.map((c) => (
          <Col key={c.path} xs={24} md={8}>
            <Card
              hoverable
              data-testid={c.testId}
              onClick={() => navigate(c.path)}
              title={t(c.title)}
              actions={[
                <Button key="open" type="link" onClick={() => navigate(c.path)}>
                  {t('pub.enter')} ›
                </Button>,
              ]}
            >
              <Statistic value={stats[c.path] ?? '—'} />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, minHeight: 44 }}>
                {t(c.desc)}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
