import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Pagination, Skeleton, Tag, Typography } from 'antd';
import { client, unwrap, type AnnouncementEntry } from '../../api';
import { PagedEntriesTable } from '../../components/PagedEntriesTable';
import { useUrlPaging } from '../../paging';
import { FieldTags } from '../../components/ApplicationStateTag';
import { PageHeader } from '../../components/PageHeader';
import { regionLabel } from '../../format';
import { useLocale } from '../../i18n';
import { qk } from '../../queries';
import { announcementDocxUrl, announcementXlsxUrl } from '../../links';

/** 公告: the published batches, newest first, each with its list and downloads. */
export default function PublicAnnouncementsPage() {
  const { locale, t } = useLocale();
  const { page, pageSize, pagination } = useUrlPaging();
  const batches = useQuery({
    queryKey: [...qk.publicAnnouncements, page, pageSize],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/announcements', { params: { query: { page, pageSize } }, signal })),
  });
  const items = batches.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('pub.announcements')} />
      {batches.isPending ? <Skeleton active /> : null}
      {batches.isError ? <Empty description={t('common.loadFailed')} /> : null}
      {batches.data && items.length === 0 ? (
        <Card>
          <Empty description={t('ann.none')} />
        </Card>
      ) : null}
      <div data-testid="public-announcements">
        {items.map((b) => (
          <Card
            key={b.id}
            style={{ marginBottom: 16 }}
            data-testid="public-announcement"
            title={
              <Flex gap={8} align="center" wrap>
                <Tag color="blue">{t('ann.batchN', { n: b.batchNo })}</Tag>
                <span>{b.title}</span>
              </Flex>
            }
            extra={
              <Flex gap={12}>
                <a href={announcementDocxUrl(b.id)}>{t('ann.docx')}</a>
                <a href={announcementXlsxUrl(b.id)}>{t('ann.xlsx')}</a>
              </Flex>
            }
          >
            <Typography.Paragraph type="secondary">
              {t('ann.docNumber')}
              {t('common.colon')}
              {b.docNumber}　{t('ann.announcedOn')}
              {t('common.colon')}
              {b.announcedOn}
            </Typography.Paragraph>
            <PagedEntriesTable<AnnouncementEntry>
              rowKey="seq"
              path="/api/v1/public/announcements/{id}/entries"
              id={b.id}
              queryKey={[...qk.publicAnnouncements, b.id]}
              first={b.entries}
              total={b.entryCount ?? b.entries.length}
              columns={[
                { title: t('common.seq'), key: 'seq', width: 60, render: (_, e) => e.seq },
                { title: t('pub.region'), key: 'region', width: 120, render: (_, e) => regionLabel(e.regionCode, locale, e.regionName) },
                {
                  title: t('ent.name'),
                  key: 'name',
                  render: (_, e) => (
                    <>
                      <span style={e.status === 'active' ? undefined : { textDecoration: 'line-through', color: '#595959' }}>{e.enterpriseName}</span>
                      {e.revokedOn ? <Tag color="red" style={{ marginInlineStart: 8 }} data-testid="entry-revoked">{t('pub.revokedOn', { date: e.revokedOn })}</Tag> : null}
                      {(e.history ?? []).map((h) => (
                        <div key={`${h.on}-${h.fact}`} style={{ fontSize: 12, color: '#595959' }}>{t('pub.changedOn', { date: h.on, old: h.old, new: h.new })}</div>
                      ))}
                    </>
                  ),
                },
                { title: t('ent.creditCode'), key: 'creditCode', width: 200, render: (_, e) => e.creditCode },
                { title: t('apps.site'), key: 'site', render: (_, e) => e.siteName },
                { title: t('pub.field'), key: 'fields', render: (_, e) => <FieldTags fields={e.fields} /> },
              ]}
            />
          </Card>
        ))}
      </div>
      {batches.data && batches.data.total > pageSize ? <Pagination align="end" {...pagination(batches.data.total)} /> : null}
    </>
  );
}
