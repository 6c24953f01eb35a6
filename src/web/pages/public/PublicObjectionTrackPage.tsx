import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, client, unwrap } from '../../api';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';

const STATUS_COLOR = { pending: 'gold', upheld: 'red', dismissed: 'default' } as const;

/** 异议处理查询 (issue 16 item 13): an objection's handling by its tracking code, like a complaint's (never the objector's name or contact). */
export default function PublicObjectionTrackPage() {
  const { locale, t } = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const code = (params.get('code') ?? '').trim();
  const [input, setInput] = useState(code);
  const q = useQuery({
    queryKey: ['public', 'objection', code],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/objections/{trackingCode}', { params: { path: { trackingCode: code } }, signal })),
    enabled: code.length > 0,
    retry: false,
  });
  const o = q.data;
  return (
    <Card
      title={<span data-testid="page-title">{t('ux.obj.trackTitle')}</span>}
      extra={<Typography.Link onClick={() => navigate('/public/notices')}>{t('pub.notices')}</Typography.Link>}
    >
      <Flex gap={8} style={{ maxWidth: 520, marginBottom: 24 }}>
        <Input
          size="large"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder={t('ux.obj.trackCode')}
          aria-label={t('ux.obj.trackCode')}
          onPressEnter={() => setParams({ code: input.trim() })}
          data-testid="objection-track-input"
          style={{ fontFamily: 'monospace' }}
        />
        <Button size="large" type="primary" onClick={() => setParams({ code: input.trim() })} data-testid="objection-track-submit">
          {t('ux.obj.track')}
        </Button>
      </Flex>
      {q.error ? (
        <Alert type="warning" showIcon title={q.error instanceof ApiError && q.error.status === 404 ? t('ux.obj.trackNone') : errorText(q.error, locale)} data-testid="objection-track-error" />
      ) : null}
      {o ? (
        <Descriptions bordered column={1} size="middle" data-testid="objection-track-result">
          <Descriptions.Item label={t('ux.obj.trackCode')}>
            <span style={{ fontFamily: 'monospace' }}>{o.trackingCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('obj.status')}>
            <Tag color={STATUS_COLOR[o.status]} data-testid="objection-track-status">
              {t(`obj.status.${o.status}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('ux.obj.notice')}>
            {o.notice.title}（{o.notice.startDate} – {o.notice.endDate}）
          </Descriptions.Item>
          <Descriptions.Item label={t('obj.entry')}>
            {o.enterpriseName}
            {o.siteName ? ` · ${o.siteName}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('obj.filedAt')}>{formatDateTime(o.filedAt, locale)}</Descriptions.Item>
          {o.resolution ? (
            <Descriptions.Item label={o.resolvedAt ? `${t('obj.resolution')}（${formatDateTime(o.resolvedAt, locale)}）` : t('obj.resolution')}>
              <span data-testid="objection-track-resolution">{o.resolution}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
    </Card>
  );
}
