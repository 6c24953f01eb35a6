import { AutoComplete, Input } from 'antd';
import { useMemo } from 'react';
import { isRegionCode } from '../../domain/regions';
import { regionLabel, regionQuickPicks } from '../format';
import { useLocale } from '../i18n';

/**
 * A GB/T 2260 region code field: type a 6-digit code (province, city or
 * county) or search provinces and 计划单列市 by name; the resolved region
 * name is shown as the suffix.
 */
export function RegionInput({
  value,
  onChange,
  id,
  disabled,
}: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  disabled?: boolean;
}) {
  const { locale, t } = useLocale();
  const picks = useMemo(() => regionQuickPicks(locale), [locale]);
  const text = (value ?? '').trim().toLowerCase();
  const options = useMemo(
    () => (text ? picks.filter((p) => p.search.includes(text)) : picks).map(({ value: v, label }) => ({ value: v, label })),
    [picks, text],
  );
  const resolved = value && isRegionCode(value) ? regionLabel(value, locale) : '';
  return (
    <AutoComplete
      id={id}
      value={value}
      options={options}
      disabled={disabled}
      onChange={(v: string) => onChange?.(v)}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    >
      <Input
        name={id}
        maxLength={24}
        placeholder={t('region.placeholder')}
        suffix={<span style={{ color: '#595959' }}>{resolved}</span>}
      />
    </AutoComplete>
  );
}

export function regionCodeRule(message: string) {
  return {
    validator: async (_: unknown, v: string | undefined) => {
      if (!v) return;
      if (!isRegionCode(v.trim())) throw new Error(message);
    },
  };
}
