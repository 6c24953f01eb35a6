import { useQuery } from '@tanstack/react-query';
import { Flex, Tag, Typography } from 'antd';
import { client, unwrap } from '../../api';
import { formatCny, formatDate } from '../../format';
import { useLocale } from '../../i18n';

/**
 * The public line of a unit's quality insurance (保险, 000 三(八)) on its verification page and its listing: the
 * insurer, policy number, cover and term of each policy — never the holder or the premium (the server leaves them
 * out). A request of its own (`/public/insurance/{code}`, cached per day), so the scanning hot path of /p/{code} stays
 * as it is; nothing is shown while it loads or when the unit has no policy.
 */
export function UnitInsuranceLine({ code }: { code: string | null | undefined }) {
  const { t, locale } = useLocale();
  const q = useQuery({
    queryKey: ['public', 'insurance', code],
    enabled: !!code,
    staleTime: 300_000,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/insurance/{code}', { params: { path: { code: code! } }, signal })),
  });
  const policies = q.data?.policies ?? [];
  if (policies.length === 0) return null;
  return (
    <Flex vertical gap={4} data-testid="unit-insurance" data-insured={String(q.data!.insured)}>
      {policies.map((p) => (
        <Typography.Text key={`${p.insurerName}-${p.policyNumber}`} data-testid="unit-insurance-line">
          {p.active ? <Tag color="green">{t('market.ins.active')}</Tag> : <Tag>{t('market.ins.inactive')}</Tag>}
          {t('market.ins.public', { insurer: p.insurerName, no: p.policyNumber, cover: formatCny(p.coverCny, locale), from: formatDate(p.startsOn, locale), to: formatDate(p.endsOn, locale) })}
        </Typography.Text>
      ))}
    </Flex>
  );
}
