import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, client, unwrap } from '../../api';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { StateTag } from '../supervision/common';
import { useT } from '../../i18n';

/** 投诉办理查询: status and public outcome by tracking code (never the complainant's contact). */
export default function PublicComplaintTrackPage() {
  const st = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const code = (params.get('code') ?? '').trim();
  const [input, setInput] = useState(code);
  const q = useQuery({
    queryKey: ['public', 'complaint', code],
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/public/complaints/{trackingCode}', { params: { path: { trackingCode: code } }, signal })),
    enabled: code.length > 0,
    retry: false,
  });
  const c = q.data;
  return (
    <Card title={<span data-testid="page-title">{st('cmp.trackTitle')}</span>} extra={<Typography.Link onClick={() => navigate('/public/complaints')}>{st('cmp.fileLink')}</Typography.Link>}>
      <Flex gap={8} style={{ maxWidth: 520, marginBottom: 24 }}>
        <Input size="large" value={input} onChange={(e) => setInput(e.target.value)} placeholder={st('cmp.trackCode')} onPressEnter={() => setParams({ code: input.trim() })} data-testid="track-code-input" style={{ fontFamily: 'monospace' }} />
        <Button size="large" type="primary" onClick={() => setParams({ code: input.trim() })} data-testid="track-submit">
          {st('cmp.track')}
        </Button>
      </Flex>
      {q.error ? (
        <Alert type="warning" showIcon title={q.error instanceof ApiError && q.error.status === 404 ? st('cmp.trackNone') : errorText(q.error, locale)} data-testid="track-error" />
      ) : null}
      {c ? (
        <Descriptions bordered column={1} size="middle" data-testid="track-result">
          <Descriptions.Item label={st('cmp.trackCode')}>
            <span style={{ fontFamily: 'monospace' }}>{c.trackingCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={st('sup.state')}>
            <StateTag kind="cmp" state={c.state} />
          </Descriptions.Item>
          <Descriptions.Item label={st('cmp.subject')}>{c.subject}</Descriptions.Item>
          <Descriptions.Item label={st('cmp.enterpriseName')}>{c.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={st('cmp.filedAt')}>
            {formatDateTime(c.filedAt, locale)} · {c.anonymous ? st('cmp.anonymous') : st('cmp.named')}
          </Descriptions.Item>
          {c.outcome ? (
            <Descriptions.Item label={`${st('cmp.outcome')}（${c.concludedOn}）`}>
              <span data-testid="track-outcome">{c.outcome}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
    </Card>
  );
}
