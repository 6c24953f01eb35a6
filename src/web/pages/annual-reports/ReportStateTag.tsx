import { Space, Tag } from 'antd';
import { reportStateLabel } from '../../../domain/annual-report/workflow';
import { useLocale } from '../../i18n';
import { STATE_COLORS } from './types';

/** State of a report, with 逾期未报 (overdue) and 逾期提交 (late) flags. */
export function ReportStateTag({ state, overdue, late }: { state: string; overdue?: boolean; late?: boolean }) {
  const { locale, t } = useLocale();
  const label = state === 'not_started' ? t('ar.state.notStarted') : reportStateLabel(state)[locale];
  return (
    <Space size={4} wrap>
      <Tag color={STATE_COLORS[state] ?? 'default'} data-testid="ar-state">
        {label}
      </Tag>
      {overdue ? (
        <Tag color="error" data-testid="ar-overdue">
          {t('ar.overdue')}
        </Tag>
      ) : null}
      {late ? (
        <Tag color="orange" data-testid="ar-late">
          {t('ar.late')}
        </Tag>
      ) : null}
    </Space>
  );
}
