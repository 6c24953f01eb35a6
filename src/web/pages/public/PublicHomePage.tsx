import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Statistic, Typography } from 'antd';
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
