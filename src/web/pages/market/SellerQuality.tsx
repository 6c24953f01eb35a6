import { Tag, Tooltip } from 'antd';
import { useLocale } from '../../i18n';
import type { ListingSummary } from './marketApi';

/**
 * The seller's quality figures on a listing (issue 13 "Quality feedback"): the buyers' mean ratings after acceptance
 * and the warranty claims per 100 units delivered through the market. Nothing when there is nothing to show.
 */
export function SellerQuality({ quality }: { quality: ListingSummary['enterprise']['quality'] }) {
  const { t } = useLocale();
  if (!quality || (quality.ratings === 0 && quality.unitsDelivered === 0)) return null;
  return (
    <>
      {quality.ratings > 0 ? (
        <Tooltip title={t('market.quality.ratingHelp', { seller: quality.meanSellerScore ?? '—', n: quality.ratings })}>
          <Tag color="gold" data-testid="seller-rating">★ {quality.meanUnitScore} · {t('market.quality.ratings', { n: quality.ratings })}</Tag>
        </Tooltip>
      ) : null}
      {quality.claimRatePct !== null ? (
        <Tooltip title={t('market.quality.claimHelp', { claims: quality.warrantyClaims, units: quality.unitsDelivered })}>
          <Tag data-testid="seller-claim-rate">{t('market.quality.claimRate', { pct: `${quality.claimRatePct}%` })}</Tag>
        </Tooltip>
      ) : null}
    </>
  );
}
