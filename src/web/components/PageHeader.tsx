import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n';

/** The heading block of every page; the title carries data-testid="page-title". */
export function PageHeader({
  title,
  subTitle,
  extra,
  backTo,
}: {
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  backTo?: string;
}) {
  const navigate = useNavigate();
  const t = useT();
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Flex align="center" gap={8}>
          {backTo ? (
            <Button type="link" style={{ paddingInline: 0 }} onClick={() => navigate(backTo)} aria-label={t('common.back')}>
              ‹ {t('common.back')}
            </Button>
          ) : null}
          <Typography.Title level={3} data-testid="page-title" style={{ margin: 0 }}>
            {title}
          </Typography.Title>
        </Flex>
        {subTitle ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {subTitle}
          </Typography.Text>
        ) : null}
      </div>
      {extra ? <Flex gap={8} wrap className="reman-page-extra" style={{ maxWidth: '100%' }}>{extra}</Flex> : null}
    </Flex>
  );
}
