import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Col, Descriptions, Empty, Flex, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { AlarmTable } from './AlarmsPage';
import { useConfirm } from '../../components/confirm';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useApiErrorHandler } from '../../errors';
import { formatDate, formatDateTime } from '../../format';
import { pick, useLocale } from '../../i18n';
import { CredentialsModal, DeviceStatusTag } from './DevicesPage';
import { devicesApi, streamUrl, type Credentials, type DeviceDetail, type DeviceHealth } from './devicesApi';
import { HealthGauge } from './HealthGauge';
import { RemoteCommands } from './RemoteCommands';
import { MetricChart } from './LiveChart';

type Series = Record<string, [number, number][]>;
const MAX_POINTS_PER_KEY = 2000;

/** Live values over SSE (EventSource reconnects by itself): appends each new value to the series and the latest map. */
function useLiveValues(deviceId: string, onValues: (v: Record<string, [number, number | string | null]>) => void) {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const es = new EventSource(streamUrl(deviceId));
    es.addEventListener('ready', () => setConnected(true));
    es.addEventListener('values', (e) => onValues(JSON.parse((e as MessageEvent<string>).data)));
    es.onerror = () => setConnected(false);
    return () => es.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deviceId]);
  return connected;
}

function HealthCard({ health, detail }: { health: DeviceHealth | undefined; detail: DeviceDetail }) {
  const { locale, t } = useLocale();
  const name = (key: string) => {
    const m = detail.thingModel?.metrics.find((x) => x.key === key);
    const ind = health?.indicators.find((i) => i.key === key);
    return m ? pick(locale, m.name) : ind ? pick(locale, ind.label) : key;
  };
  if (!health) return <Card title={t('monitoring.health.title')} loading />;
  return (
    <Card title={t('monitoring.health.title')} data-testid="health-card">
      {health.healthIndex === null ? (
        <Empty description={t('monitoring.health.none')} />
      ) : (
        <Row gutter={16} align="middle">
          <Col xs={24} md={10}>
            <HealthGauge value={health.healthIndex} label={t('monitoring.health.index')} />
          </Col>
          <Col xs={24} md={14}>
            {health.rul ? (
              <Statistic
                title={t('monitoring.health.rul')}
                value={health.rul.value}
                suffix="h"
                data-testid="health-rul"
              />
            ) : (
              <Typography.Text type="secondary">{t('monitoring.health.rulNone')}</Typography.Text>
            )}
            {health.rul && <div data-testid="health-rul-interval">{t('monitoring.health.rulInterval', { low: health.rul.low, high: health.rul.high })}</div>}
            {health.limiting && <div style={{ marginTop: 8 }}>{t('monitoring.health.limiting', { name: name(health.limiting) })}</div>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('monitoring.health.method', { method: health.method })}
              {health.asOf ? ` · ${t('monitoring.health.asOf', { at: formatDateTime(health.asOf, locale) })}` : ''}
            </Typography.Text>
          </Col>
        </Row>
      )}
      {health.indicators.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey="key"
          pagination={false}
          dataSource={health.indicators}
          columns={[
            { title: t('monitoring.health.indicator'), key: 'k', render: (_, i) => name(i.key) },
            { title: t('monitoring.health.median'), key: 'v', render: (_, i) => `${i.value} (${t('monitoring.health.levels', { good: i.good, bad: i.bad })})` },
            { title: t('monitoring.health.score'), key: 's', align: 'right', render: (_, i) => i.score },
          ]}
        />
      )}
    </Card>
  );
}

/** 设备详情: live charts (SSE), latest values, health and RUL, refused input, credentials and the owner's consent. */
export default function DevicePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { locale, t } = useLocale();
  const onError = useApiErrorHandler();
  const confirm = useConfirm();
  const qc = useQueryClient();
  const [hours, setHours] = useState(24);
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [live, setLive] = useState<Series>({});
  const [latest, setLatest] = useState<Record<string, [number, number | string | null]>>({});

  const detail = useQuery({ queryKey: ['devices', 'detail', id], queryFn: ({ signal }) => devicesApi.detail(id, signal), refetchInterval: 30_000 });
  const health = useQuery({ queryKey: ['devices', 'health', id], queryFn: ({ signal }) => devicesApi.health(id, signal), refetchInterval: 60_000, enabled: detail.isSuccess });
  const latestQ = useQuery({ queryKey: ['devices', 'latest', id], queryFn: ({ signal }) => devicesApi.latest(id, signal), enabled: detail.isSuccess });
  const history = useQuery({
    queryKey: ['devices', 'telemetry', id, hours],
    queryFn: ({ signal }) => devicesApi.telemetry(id, { from: String(Date.now() - hours * 3_600_000), points: 600 }, signal),
    enabled: detail.isSuccess,
  });

  useEffect(() => {
    if (latestQ.data) setLatest(Object.fromEntries(Object.entries(latestQ.data.values).map(([k, v]) => [k, [v.ts, v.value]])));
  }, [latestQ.data]);
  useEffect(() => setLive({}), [hours, id]);

  const connected = useLiveValues(id, (values) => {
    setLatest((prev) => ({ ...prev, ...values }));
    setLive((prev) => {
      const next = { ...prev };
      for (const [k, [ts, v]] of Object.entries(values)) if (typeof v === 'number') next[k] = [...(next[k] ?? []), [ts, v] as [number, number]].slice(-MAX_POINTS_PER_KEY);
      return next;
    });
  });

  const series = useMemo(() => {
    const out: Series = {};
    for (const [k, pts] of Object.entries(history.data?.series ?? {})) out[k] = pts as [number, number][];
    for (const [k, pts] of Object.entries(live)) {
      const last = out[k]?.at(-1)?.[0] ?? -Infinity;
      out[k] = [...(out[k] ?? []), ...pts.filter((p) => p[0] > last)];
    }
    return out;
  }, [history.data, live]);

  const rotate = useMutation({ mutationFn: () => devicesApi.rotate(id), onSuccess: (r) => setCredentials(r.credentials), onError: (e) => onError(e) });
  const revoke = useMutation({ mutationFn: () => devicesApi.revoke(id), onSuccess: () => void qc.invalidateQueries({ queryKey: ['devices'] }), onError: (e) => onError(e) });
  const consent = useMutation({ mutationFn: (v: boolean) => devicesApi.consent(id, v), onSuccess: () => void qc.invalidateQueries({ queryKey: ['devices'] }), onError: (e) => onError(e) });

  if (detail.isPending) return <PageLoading />;
  if (detail.isError || !detail.data) return <Alert type="error" showIcon title={t('app.notFound')} />;
  const d = detail.data;
  const metricName = (key: string) => {
    const m = d.thingModel?.metrics.find((x) => x.key === key);
    return m ? `${pick(locale, m.name)}${m.unit ? ` (${m.unit})` : ''}` : key;
  };
  const unitOf = (key: string) => d.thingModel?.metrics.find((x) => x.key === key)?.unit ?? null;
  const keys = Object.keys(series).filter((k) => k !== 'runHours').slice(0, 6);

  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="device-name">{d.name}</span>
            <DeviceStatusTag d={d} />
          </Space>
        }
        subTitle={<code>{d.productCode}</code>}
        backTo="/devices"
        extra={
          <Space>
            <Button data-testid="device-new-case" onClick={() => navigate(`/cases/new?deviceId=${d.id}`)}>
              {t('monitoring.device.newCase')}
            </Button>
            {d.actions.includes('rotateCredentials') && (
              <Button
                data-testid="device-rotate"
                onClick={() => confirm({ title: t('monitoring.action.rotate'), consequence: t('monitoring.action.rotate.consequence'), okText: t('monitoring.action.rotate'), testId: 'rotate-ok', onOk: () => rotate.mutateAsync() })}
              >
                {t('monitoring.action.rotate')}
              </Button>
            )}
            {d.actions.includes('revoke') && (
              <Button
                danger
                data-testid="device-revoke"
                onClick={() => confirm({ title: t('monitoring.action.revoke'), consequence: t('monitoring.action.revoke.consequence'), okText: t('monitoring.action.revoke'), danger: true, testId: 'revoke-ok', onOk: () => revoke.mutateAsync() })}
              >
                {t('monitoring.action.revoke')}
              </Button>
            )}
          </Space>
        }
      />
      {d.status === 'revoked' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('monitoring.action.revoked')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            title={t('monitoring.live.title')}
            extra={
              <Flex gap={12} align="center">
                <span data-testid="live-status">
                  <Badge status={connected ? 'processing' : 'default'} text={connected ? t('monitoring.live.connected') : t('monitoring.live.disconnected')} />
                </span>
                <Segmented
                  value={hours}
                  onChange={(v) => setHours(Number(v))}
                  options={[1, 24, 168].map((h) => ({ value: h, label: t('monitoring.live.range', { hours: h }) }))}
                />
              </Flex>
            }
          >
            {keys.length === 0 ? (
              <Empty description={t('monitoring.live.noData')} />
            ) : (
              <Row gutter={[16, 16]}>
                {keys.map((k) => (
                  <Col xs={24} lg={12} key={k}>
                    <Typography.Text strong>{metricName(k)}</Typography.Text>
                    <MetricChart title={metricName(k)} unit={unitOf(k)} points={series[k] ?? []} testId={`chart-${k}`} />
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" style={{ width: '100%' }} size={16}>
            <HealthCard health={health.data} detail={d} />
            <Card title={t('monitoring.latest.title')}>
              <div data-testid="latest-table">
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={Object.entries(latest).map(([key, [ts, value]]) => ({ key, ts, value }))}
                columns={[
                  { title: t('monitoring.latest.key'), key: 'k', render: (_, r) => metricName(r.key) },
                  { title: t('monitoring.latest.value'), key: 'v', align: 'right', render: (_, r) => (r.value === null ? '—' : String(r.value)) },
                  { title: t('monitoring.latest.at'), key: 't', render: (_, r) => formatDateTime(r.ts, locale) },
                ]}
              />
              </div>
            </Card>
          </Space>
        </Col>
        <Col xs={24}>
          <Card title={t('monitoring.alarms.card')} data-testid="device-alarms">
            <AlarmTable query={{ deviceId: d.id, page: 1, pageSize: 10 }} onOpenCase={(a) => navigate(`/cases/new?alarmId=${a.id}`)} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('monitoring.detail.title')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('monitoring.detail.product')}>{d.product ? `${d.product.name}${d.product.model ? ` ${d.product.model}` : ''}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('monitoring.detail.productionDate')}>{d.product ? formatDate(d.product.productionDate, locale) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('monitoring.detail.warranty')}>{d.product?.warrantyMonths ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('monitoring.detail.owner')}>{d.product?.ownerName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('monitoring.detail.possessor')}>{d.product?.possessorName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('monitoring.col.lastSeen')}>{d.lastSeenAt ? formatDateTime(d.lastSeenAt, locale) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('monitoring.col.points')}>{d.pointsStored}</Descriptions.Item>
            </Descriptions>
            {!d.thingModel && <Typography.Text type="secondary">{t('monitoring.detail.noModel')}</Typography.Text>}
            {d.actions.includes('consent') && (
              <Alert
                style={{ marginTop: 12 }}
                type={d.manufacturerAccess ? 'info' : 'warning'}
                showIcon
                title={t('monitoring.consent.title')}
                description={d.manufacturerAccess ? t('monitoring.consent.granted') : t('monitoring.consent.withdrawn')}
                action={
                  d.manufacturerAccess ? (
                    <Button
                      size="small"
                      data-testid="consent-withdraw"
                      onClick={() => confirm({ title: t('monitoring.consent.withdraw'), consequence: t('monitoring.consent.withdraw.consequence'), okText: t('monitoring.consent.withdraw'), onOk: () => consent.mutateAsync(false) })}
                    >
                      {t('monitoring.consent.withdraw')}
                    </Button>
                  ) : (
                    <Button size="small" type="primary" data-testid="consent-grant" loading={consent.isPending} onClick={() => consent.mutate(true)}>
                      {t('monitoring.consent.grant')}
                    </Button>
                  )
                }
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('monitoring.refused.title')} data-testid="refused-card">
            <Flex gap={32} style={{ marginBottom: 12 }}>
              <Statistic title={t('monitoring.refused.points')} value={d.pointsRefused} />
              <Statistic title={t('monitoring.refused.messages')} value={d.messagesRefused} />
            </Flex>
            <Table
              size="small"
              rowKey={(r) => `${r.at}-${r.code}-${r.message}`}
              pagination={false}
              locale={{ emptyText: t('monitoring.refused.none') }}
              dataSource={d.recentErrors}
              columns={[
                { title: t('monitoring.latest.at'), key: 'at', render: (_, e) => formatDateTime(e.at, locale) },
                { title: t('monitoring.refused.channel'), key: 'ch', dataIndex: 'channel' },
                { title: t('monitoring.refused.code'), key: 'code', render: (_, e) => <code>{e.code}</code> },
                { title: t('monitoring.refused.reason'), key: 'msg', render: (_, e) => pick(locale, { zh: e.message, en: e.messageEn }) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <RemoteCommands deviceId={d.id} canSend={d.actions.includes('command')} online={d.online} />
        </Col>
      </Row>
      <CredentialsModal credentials={credentials} onClose={() => setCredentials(null)} />
    </>
  );
}
