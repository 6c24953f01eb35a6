import { Collapse, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMe } from '../auth';
import { useLocale } from '../i18n';
import { isAuthorityRole, isMinistryRole } from '../menu';

/**
 * 技术信息 (issue 16 item 14): versions of the rules and formulas a result was computed with ("reman-conditions-2024/
 * rules-v2", "GBT28620-2012/working-v1", "工作定义，待与标准原文核对"). Words for developers and reviewers: folded, and
 * only for reviewers (authorities, the ministry, experts) — an applicant's page and the public pages never show them.
 */
export function TechnicalDetails({ children, testId = 'technical-details' }: { children: ReactNode; testId?: string }) {
  const role = useMe().data?.role;
  const { t } = useLocale();
  const reviewer = isAuthorityRole(role) || isMinistryRole(role) || role === 'expert';
  if (!reviewer) return null;
  return (
    <Collapse
      ghost
      size="small"
      data-testid={testId}
      style={{ marginTop: 8 }}
      items={[
        {
          key: 'technical',
          label: <Typography.Text type="secondary">{t('ux.tech.title')}</Typography.Text>,
          children: <div style={{ fontSize: 12 }}>{children}</div>,
        },
      ]}
    />
  );
}
