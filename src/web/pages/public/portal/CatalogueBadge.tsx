import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import DataLoader from 'dataloader';
import { Link } from 'react-router-dom';
import { client, unwrap, type ResponseOf } from '../../../api';
import { useLocale } from '../../../i18n';

type Badge = ResponseOf<'/api/v1/public/catalogue/badges'>['items'][number];

/**
 * The badges of all product codes asked for in one tick go in one request (`codes=a,b,…`, at most 100 — the
 * route's limit): a page of market cards costs one request, not one per card. No cache here (TanStack Query keeps
 * each code's answer).
 */
const loader = new DataLoader<string, Badge | null>(
  async (codes) => {
    const res = await unwrap(client.GET('/api/v1/public/catalogue/badges', { params: { query: { codes: codes.join(',') } } }));
    const byCode = new Map(res.items.map((b) => [b.code, b]));
    return codes.map((c) => byCode.get(c) ?? null);
  },
  { cache: false, maxBatchSize: 100 },
);

/**
 * 目录产品 badge (issue 14): "再制造产品目录 第N批" next to a product (verification page, market listing and its card)
 * when its model is listed in a published batch of the 再制造产品目录 — the same words as on the printed label.
 * Public requests of its own (`/public/catalogue/badges`, batched), so the scanning hot path of /p/{code} stays as it
 * is; nothing is shown while it loads or when the model is not listed. `link={false}` inside another link (a card).
 */
export function CatalogueBadge({ code, link = true }: { code: string | null | undefined; link?: boolean }) {
  const { bi } = useLocale();
  const res = useQuery({
    queryKey: ['public', 'catalogue-badge', code],
    enabled: !!code,
    staleTime: 300_000,
    queryFn: () => loader.load(code!),
  });
  const b = res.data;
  if (!b) return null;
  const tag = (
    <Tag color="gold" title={b.listedNo} data-testid={link ? undefined : 'catalogue-badge'}>
      {bi(b.text, b.textEn)} · {b.listedNo}
    </Tag>
  );
  return link ? (
    <Link to={b.url} data-testid="catalogue-badge">
      {tag}
    </Link>
  ) : (
    tag
  );
}
