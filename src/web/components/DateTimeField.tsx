import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useDayjsLocale } from './DateField';

const FORMAT = 'YYYY-MM-DDTHH:mm';

/**
 * A date-and-time picker (antd DatePicker with time, issue 16 item 14) whose value is the string a native
 * `datetime-local` input gave ('YYYY-MM-DDTHH:mm', local wall time) or undefined, so forms keep their conversion.
 */
export function DateTimeField({
  value,
  onChange,
  id,
  disabled,
  'data-testid': testId,
}: {
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  id?: string;
  disabled?: boolean;
  'data-testid'?: string;
}) {
  useDayjsLocale();
  const parsed = value ? dayjs(value) : null;
  return (
    <DatePicker
      id={id}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={parsed && parsed.isValid() ? parsed : null}
      onChange={(d) => onChange?.(d ? d.format(FORMAT) : undefined)}
      disabled={disabled}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
