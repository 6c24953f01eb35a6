import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { LOCALE_TRAITS, useLocale } from '../i18n';

/** The calendar's month and weekday names follow the UI language (dayjs's global locale). */
export function useDayjsLocale(): void {
  const { locale } = useLocale();
  if (dayjs.locale() !== LOCALE_TRAITS[locale].dayjs) dayjs.locale(LOCALE_TRAITS[locale].dayjs);
}

/**
 * A date picker whose value is the API's calendar date string 'YYYY-MM-DD' (or null), so form values
 * can go to the server as they are.
 */
export function DateField({
  value,
  onChange,
  id,
  disabled,
  placeholder,
  allowClear = true,
  'data-testid': testId,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  'data-testid'?: string;
}) {
  useDayjsLocale();
  const parsed = value ? dayjs(value) : null;
  return (
    <DatePicker
      id={id}
      value={parsed && parsed.isValid() ? parsed : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      format="YYYY-MM-DD"
      disabled={disabled}
      placeholder={placeholder}
      allowClear={allowClear}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
