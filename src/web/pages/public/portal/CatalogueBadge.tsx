import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { client, unwrap } from '../../../api';
import { useLocale } from '../../../i18n';

/**
 * 目录产品 badge (issue 14): shown next to a product (verification page, market listing) when its model is listed in
 * the 再制造产品目录. One small public request of its own (`/public/catalogue/badges`), so the scanning hot path of
 * /p/{code} stays as it is; nothing is shown while it loads or when the model is not listed.
 */
export function CatalogueBadge({ code }: { code: string | null | undefined }) {
  const { t } = useLocale();
  const res = useQuery({
    queryKey: ['public', 'catalogue-badge', code],
    enabled: !!code,
    staleTime: 300_000,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/catalogue/badges', { params: { query: { codes: code! } }, signal })),
  });
  const b = res.data?.items[0];
  if (!b) return null;
  return (
    <Link to={b.url} data-testid="catalogue-badge">
      <Tag color="gold">
        {t('portal.cat.badge')} {b.listedNo}
      </Tag>
    </Link>
  );
}
