import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { client, unwrap } from '../../../api';
import { formatDate } from '../../../format';
import { useLocale } from '../../../i18n';

/**
 * 第三方检测报告 of a product (issue 14 item 2) on its verification page /p/{code}: the reports its enterprise attached
 * to this unit or to its model, with the organisation, its accreditation number, the report number, date and
 * conclusion, and the file. A request of its own, so the scanning hot path stays as it is; nothing is shown while
 * it loads or when there is none.
 */
export function ProductTestReports({ code }: { code: string }) {
  const { t, locale } = useLocale();
  const res = useQuery({
    queryKey: ['public', 'product-test-reports', code],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/products/{code}/test-reports', { params: { path: { code } }, signal })),
    retry: false,
  });
  const items = res.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card size="small" title={t('portal.preport.title')} data-testid="verify-test-reports">
      <List
        size="small"
        dataSource={items}
        renderItem={(r) => (
          <List.Item key={r.id} data-testid="verify-test-report">
            <div>
              <Typography.Text strong>{r.orgName}</Typography.Text>{' '}
              <Typography.Text type="secondary">{t('portal.preport.accreditation', { no: r.accreditationNo })}</Typography.Text>
              <div data-testid="verify-test-report-issuer">
                {r.issuedByOrg ? t('portal.preport.issuedByOrg', { org: r.orgName, no: r.accreditationNo }) : t('portal.preport.uploadedByEnterprise')}
              </div>
              <div>
                {t('portal.preport.number', { no: r.reportNo })} · {formatDate(r.issuedOn, locale)} · {r.wholeModel ? t('portal.preport.model', { model: r.model }) : t('portal.preport.unit')}
              </div>
              {r.conclusion ? <div>{r.conclusion}</div> : null}
              {r.file ? (
                <a href={r.file.url} download>
                  {t('portal.preport.download', { name: r.file.name })}
                </a>
              ) : null}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
