import { Descriptions, Tag, Typography, type DescriptionsProps } from 'antd';
import type { Enterprise } from '../api';
import { enterpriseTypeLabel, formatDateTime, listingStatusLabel, regionLabel } from '../format';
import { useLocale } from '../i18n';
import { useAuthorityName } from '../queries';

export function EnterpriseDescriptions({ enterprise: e }: { enterprise: Enterprise }) {
  const { locale, t } = useLocale();
  const authorityName = useAuthorityName();
  const dash = (v: string | null | undefined) => (v ? v : '—');
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('ent.name'), children: <span data-testid="enterprise-name">{e.name}</span>, span: 2 },
    {
      key: 'creditCode',
      label: t('ent.creditCode'),
      children: (
        <span>
          <Typography.Text copyable code data-testid="enterprise-credit-code">
            {e.creditCode}
          </Typography.Text>
          {e.creditCodeOverride ? (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              {t('ent.creditCodeOverride')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: 'region',
      label: t('ent.region'),
      children: (
        <span>
          {regionLabel(e.regionCode, locale, e.regionName)}{' '}
          <Typography.Text type="secondary">({e.regionCode})</Typography.Text>
        </span>
      ),
    },
    { key: 'authority', label: t('ent.authority'), children: <span data-testid="enterprise-authority">{authorityName(e.authority)}</span>, span: 2 },
    { key: 'address', label: t('ent.address'), children: e.address, span: 2 },
    { key: 'postalCode', label: t('ent.postalCode'), children: dash(e.postalCode) },
    {
      key: 'website',
      label: t('ent.website'),
      children: e.website ? (
        <a href={/^https?:\/\//i.test(e.website) ? e.website : `https://${e.website}`} target="_blank" rel="noopener noreferrer">
          {e.website}
        </a>
      ) : (
        '—'
      ),
    },
    { key: 'legalRepresentative', label: t('ent.legalRepresentative'), children: e.legalRepresentative },
    { key: 'contactName', label: t('ent.contactName'), children: e.contactName },
    { key: 'contactPhone', label: t('ent.contactPhone'), children: e.contactPhone },
    { key: 'contactEmail', label: t('ent.contactEmail'), children: dash(e.contactEmail) },
    { key: 'enterpriseType', label: t('ent.enterpriseType'), children: enterpriseTypeLabel(e.enterpriseType, locale) },
    { key: 'listingStatus', label: t('ent.listingStatus'), children: listingStatusLabel(e.listingStatus, locale) },
    { key: 'parent', label: t('ent.parent'), children: dash(e.parentName) },
    { key: 'siteCount', label: t('ent.siteCount'), children: e.siteCount },
    { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(e.createdAt, locale) },
    { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(e.updatedAt, locale) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} styles={{ label: { width: 160 } }} />;
}
