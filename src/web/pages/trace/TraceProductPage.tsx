import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, Modal, Result, Row, Segmented, Space, Table, Tag, Timeline, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { useMe } from '../../auth';
import { PageLoading } from '../../components/PageLoading';
import { PageHeader } from '../../components/PageHeader';
import { errorText, useApiErrorHandler } from '../../errors';
import { formatCny, formatDate, formatDateTime, formatNumber, formatPercent } from '../../format';
import { useLocale } from '../../i18n';
import { StatusTag, useCanRecord } from './common';
import { downloadLabelsPdf, labelPngUrl, labelSvgUrl, traceApi, type ProductDetail, type TraceTree } from './traceApi';
import { useT, type MessageKey, type TFunction } from '../../i18n';
import { countNodes, downstreamTree, shortCode, upstreamByLife, type NodeKind, type ViewNode } from './genealogy';

const GenealogyGraph = lazy(() => import('./GenealogyGraph'));
import { vocLabel } from '../../../domain/trace/vocabulary';

const KIND_KEY: Record<NodeKind, MessageKey> = { core: 'trace.flowCore', part: 'trace.parts', product: 'trace.flowProduct', lot: 'trace.g.lot', other: 'trace.g.other' };

/** One node's line: kind, part name, short code (the full identifier on hover), life, how it hangs, "见上". */
function NodeTitle({ n, tt }: { n: ViewNode; tt: TFunction }) {
  return (
    <span data-testid="tree-node" data-kind={n.kind} data-repeat={n.repeat ? 'true' : undefined} title={n.key}>
      <Tag>{tt(KIND_KEY[n.kind])}</Tag>
      {n.relation === 'disassembled_from' ? <Tag color="orange">{tt('trace.rel.disassembled_from')}</Tag> : null}
      {n.name}{' '}
      {n.productCode ? (
        <Link to={`/trace/products/${encodeURIComponent(n.productCode)}`} onClick={(e) => e.stopPropagation()}>
          {n.productCode}
        </Link>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {n.code}
        </Typography.Text>
      )}
      {n.life ? <Tag color="blue" style={{ marginLeft: 4 }}>{tt('trace.lifeN', { n: n.life })}</Tag> : null}
      {n.repeat ? <Typography.Text type="secondary" style={{ marginLeft: 4 }} data-testid="tree-see-above">（{tt('trace.g.seeAbove')}）</Typography.Text> : null}
    </span>
  );
}

const toData = (n: ViewNode, tt: TFunction): DataNode => ({ key: n.id, title: <NodeTitle n={n} tt={tt} />, isLeaf: !n.children.length, children: n.children.map((c) => toData(c, tt)) });

/** The antd tree of the genealogy: upstream grouped by life, downstream as walked (./genealogy.ts). */
export function genealogyData(tree: TraceTree, tt: TFunction): { data: DataNode[]; count: number; open: string[] } {
  if (tree.direction === 'down') {
    const root = downstreamTree(tree);
    return { data: [toData(root, tt)], count: countNodes([root]), open: [root.id] };
  }
  const groups = upstreamByLife(tree);
  const data = groups.map((g) => ({
    key: g.id,
    title: (
      <span data-testid="life-group" data-life={g.life ?? ''} title={g.head.key}>
        <Typography.Text strong>
          {g.id === 'g:rest' ? tt('trace.g.otherGroup') : g.life ? tt('trace.g.lifeGroup', { n: g.life }) : tt('trace.g.coreGroup')}
        </Typography.Text>
        {g.id === 'g:rest' ? null : (
          <>
            {' · '}
            {g.head.name}{' '}
            {g.head.productCode && !g.current ? (
              <Link to={`/trace/products/${encodeURIComponent(g.head.productCode)}`} onClick={(e) => e.stopPropagation()}>
                {g.head.productCode}
              </Link>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {g.head.code}
              </Typography.Text>
            )}
            {g.current ? <Tag color="blue" style={{ marginLeft: 4 }}>{tt('trace.g.current')}</Tag> : null}
            <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
              {g.current ? tt('trace.g.madeOf') : tt('trace.g.takenOut')}
            </Typography.Text>
          </>
        )}
      </span>
    ),
    children: g.head.children.map((c) => toData(c, tt)),
  }));
  return { data, count: groups.length + countNodes(groups.flatMap((g) => g.head.children)), open: groups.filter((g) => g.current).map((g) => g.id) };
}

const allKeys = (d: DataNode[]): React.Key[] => d.flatMap((n) => (n.children?.length ? [n.key, ...allKeys(n.children)] : []));
/** above this many drawn nodes the page opens the graph first */
const LARGE_TREE = 80;

function GenealogyView({ tree, tt }: { tree: TraceTree; tt: TFunction }) {
  const navigate = useNavigate();
  const g = useMemo(() => genealogyData(tree, tt), [tree, tt]);
  const large = g.count > LARGE_TREE;
  const [view, setView] = useState<'tree' | 'graph'>(large ? 'graph' : 'tree');
  const [expanded, setExpanded] = useState<React.Key[]>(g.open);
  const openProduct = useCallback((c: string) => navigate(`/trace/products/${encodeURIComponent(c)}`), [navigate]);
  return (
    <div data-testid="genealogy" data-view={view}>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'tree' | 'graph')}
          options={[
            { value: 'tree', label: <span data-testid="genealogy-view-tree">{tt('trace.g.tree')}</span> },
            { value: 'graph', label: <span data-testid="genealogy-view-graph">{tt('trace.g.graph')}</span> },
          ]}
        />
        {view === 'tree' ? (
          <Space>
            <Button size="small" onClick={() => setExpanded(allKeys(g.data))} data-testid="genealogy-expand-all">
              {tt('trace.g.expandAll')}
            </Button>
            <Button size="small" onClick={() => setExpanded([])} data-testid="genealogy-collapse-all">
              {tt('trace.g.collapseAll')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tt('trace.g.graphHint')}
          </Typography.Text>
        )}
      </Flex>
      {large ? <Alert type="info" showIcon style={{ marginBottom: 8 }} title={tt('trace.g.large', { n: g.count })} /> : null}
      {view === 'tree' ? (
        <div data-testid="genealogy-tree">
          <Tree treeData={g.data} expandedKeys={expanded} onExpand={(k) => setExpanded(k)} showLine selectable={false} />
        </div>
      ) : (
        <Suspense fallback={<PageLoading />}>
          <GenealogyGraph tree={tree} onOpen={openProduct} />
        </Suspense>
      )}
    </div>
  );
}

export default function TraceProductPage() {
  const { code = '' } = useParams();
  const { locale, t, pick } = useLocale();
  const tt = useT();
  const canRecord = useCanRecord();
  const isAdmin = useMe().data?.role === 'enterprise_admin';
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const [direction, setDirection] = useState<'up' | 'down'>('up');
  const [statusModal, setStatusModal] = useState<null | 'revoked' | 'recalled'>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const product = useQuery({ queryKey: ['trace', 'product', code], queryFn: ({ signal }) => traceApi.product(code, signal) });
  const tree = useQuery({ queryKey: ['trace', 'tree', code, direction], queryFn: ({ signal }) => traceApi.tree(code, direction, signal), enabled: product.isSuccess });

  const setStatus = useMutation({
    mutationFn: (v: { reason: string }) => traceApi.setStatus(code, statusModal!, v.reason),
    onSuccess: () => {
      setStatusModal(null);
      form.resetFields();
      message.success(tt('trace.recorded', { step: '' }));
      void qc.invalidateQueries({ queryKey: ['trace'] });
    },
    onError: (e) => onError(e, form),
  });

  if (product.isPending) return <PageLoading />;
  if (product.isError) {
    const nf = product.error instanceof ApiError && product.error.status === 404;
    return <Result status={nf ? '404' : 'error'} title={nf ? tt('verify.notFound') : errorText(product.error, locale)} extra={<Link to="/trace">{tt('trace.products')}</Link>} />;
  }
  const p: ProductDetail = product.data;

  const printPdf = async () => {
    try {
      const blob = await downloadLabelsPdf([p.code]);
      window.open(URL.createObjectURL(blob), '_blank');
    } catch (e) {
      onError(e);
    }
  };

  return (
    <>
      <PageHeader
        backTo="/trace"
        title={
          <span data-testid="product-title">
            {p.name}
            {p.model ? ` ${p.model}` : ''} <StatusTag status={p.status} />
          </span>
        }
        subTitle={<code data-testid="product-code">{p.code}</code>}
        extra={
          isAdmin && p.status === 'issued' ? (
            <>
              <Button danger onClick={() => setStatusModal('recalled')} data-testid="product-recall">
                {tt('trace.recallProduct')}
              </Button>
              <Button danger onClick={() => setStatusModal('revoked')} data-testid="product-revoke">
                {tt('trace.revoke')}
              </Button>
            </>
          ) : null
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={tt('trace.detail')} style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="product-facts">
              <Descriptions.Item label={tt('trace.enterprise')}>{p.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label={tt('trace.serial')}>{p.serial}</Descriptions.Item>
              <Descriptions.Item label="EPC">
                <Typography.Text code style={{ fontSize: 12 }}>
                  {p.epc}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="GS1 Digital Link">{p.digitalLink ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={tt('trace.productionDate')}>{formatDate(p.productionDate, locale)}</Descriptions.Item>
              <Descriptions.Item label={tt('trace.standardNo')}>{p.standardNo ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={tt('trace.warranty')}>{p.warrantyMonths != null ? tt('trace.warrantyMonths', { n: p.warrantyMonths }) : '—'}</Descriptions.Item>
              <Descriptions.Item label={tt('trace.life')}>
                {tt('trace.lifeN', { n: p.life })} · {tt('trace.remanTimes', { n: p.remanufacturedTimes })}
              </Descriptions.Item>
              <Descriptions.Item label={tt('trace.massRate')}>
                <span data-testid="product-mass-rate">{formatPercent(p.massRate)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={tt('trace.valueRate')}>
                <span data-testid="product-value-rate">{formatPercent(p.valueRate)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={tt('trace.owner')}>
                <span data-testid="product-owner">{p.owner ? (p.owner.name ?? p.owner.id) : tt('trace.ownedByEnterprise', { name: p.enterpriseName })}</span>
              </Descriptions.Item>
              <Descriptions.Item label={tt('trace.possessor')}>
                <span data-testid="product-possessor">{p.possessor ? (p.possessor.name ?? p.possessor.id) : '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={tt('trace.installation')}>{p.installation ? `${p.installation.location}${p.installation.equipment ? ` · ${p.installation.equipment}` : ''}` : '—'}</Descriptions.Item>
            </Descriptions>
            {/* the formula's version id is one hover away, not printed (issue 16 item 14) */}
            {p.formulaVersion ? <Typography.Text type="secondary" style={{ fontSize: 12 }} title={p.formulaVersion}>{tt('verify.rates')}</Typography.Text> : null}
          </Card>

          <Card title={tt('trace.inputsTable')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey={(r) => `${r.key}-${r.origin}`}
              pagination={false}
              dataSource={p.inputs}
              data-testid="product-inputs"
              columns={[
                { title: tt('trace.partName'), dataIndex: 'name', render: (v: string | null, r) => v ?? r.key },
                { title: tt('trace.origin'), dataIndex: 'origin', render: (o: 'reused' | 'remanufactured' | 'new') => <Tag color={o === 'new' ? 'default' : 'green'}>{tt(`trace.origin.${o}`)}</Tag> },
                { title: tt('trace.quantity'), dataIndex: 'quantity', align: 'right', render: (v: number | null) => formatNumber(v, locale) },
                { title: tt('trace.massKg'), dataIndex: 'massKg', align: 'right', render: (v: number | null) => formatNumber(v, locale) },
                { title: tt('trace.valueCny'), dataIndex: 'valueCny', align: 'right', render: (v: number | null) => formatCny(v, locale) },
              ]}
            />
          </Card>

          <Card
            title={direction === 'up' ? tt('trace.genealogy') : tt('trace.genealogyDown')}
            extra={
              <Segmented
                value={direction}
                onChange={(v) => setDirection(v as 'up' | 'down')}
                options={[
                  { value: 'up', label: tt('trace.genealogy') },
                  { value: 'down', label: tt('trace.genealogyDown') },
                ]}
              />
            }
            style={{ marginBottom: 16 }}
          >
            {tree.isError ? <Alert type="error" showIcon message={errorText(tree.error, locale)} /> : null}
            {tree.data ? (
              <>
                <GenealogyView tree={tree.data} tt={tt} key={`${direction}-${tree.dataUpdatedAt}`} />
                {tree.data.truncated ? <Typography.Text type="warning">…</Typography.Text> : null}
              </>
            ) : tree.isFetching ? null : (
              <Empty />
            )}
          </Card>

          <Card title={tt('trace.lives')} style={{ marginBottom: 16 }} data-testid="product-lives">
            <Timeline
              items={p.lives.map((l) => ({
                key: l.life,
                content: (
                  <span>
                    {tt('trace.lifeN', { n: l.life })} · {l.productCode ? <Link to={`/trace/products/${encodeURIComponent(l.productCode)}`}>{l.productCode}</Link> : '—'} · {formatDate(l.productionDate, locale)}
                  </span>
                ),
              }))}
            />
            {p.originalComponents.length ? (
              <>
                <Typography.Text strong>{tt('trace.original')}</Typography.Text>
                <ul data-testid="original-components">
                  {p.originalComponents.map((c) => (
                    <li key={c.key}>
                      {c.name ?? shortCode(c.key)} <Typography.Text type="secondary">（{KIND_KEY[c.kind as NodeKind] ? tt(KIND_KEY[c.kind as NodeKind]) : c.kind} · <span title={c.key}>{shortCode(c.key)}</span>）</Typography.Text>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {canRecord ? (
            <Card title={tt('trace.label')} style={{ marginBottom: 16 }} data-testid="product-label">
              {p.status === 'issued' ? (
                <>
                  <img src={labelPngUrl(p.code)} alt={tt('trace.label')} style={{ width: '100%', border: '1px solid #d9d9d9' }} data-testid="label-image" />
                  <Space wrap style={{ marginTop: 8 }}>
                    <Button href={labelPngUrl(p.code)} download={`label-${p.code}.png`} data-testid="label-png">
                      {tt('trace.labelPng')}
                    </Button>
                    <Button href={labelSvgUrl(p.code)} download={`label-${p.code}.svg`} data-testid="label-svg">
                      {tt('trace.labelSvg')}
                    </Button>
                    <Button onClick={() => void printPdf()} data-testid="label-pdf">
                      {tt('trace.labelPdf')}
                    </Button>
                  </Space>
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                    {tt('trace.labelHint')}
                  </Typography.Paragraph>
                </>
              ) : (
                <StatusTag status={p.status} />
              )}
              <Button type="link" href={p.verifyPath} target="_blank" data-testid="label-public" style={{ paddingInline: 0 }}>
                {tt('trace.publicPage')} ↗
              </Button>
            </Card>
          ) : null}
          <Card title={tt('trace.steps')} data-testid="product-steps">
            <Timeline
              items={p.steps.map((s) => ({
                key: s.eventId,
                color: s.erroneous ? 'gray' : 'blue',
                content: (
                  <div data-testid={`product-step-${s.kind}`}>
                    <Typography.Text delete={s.erroneous}>{pick(s.label)}</Typography.Text>
                    {s.erroneous ? <Tag style={{ marginLeft: 6 }}>{tt('trace.erroneous')}</Tag> : null}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(s.time, locale)}{s.bizStep ? ` · ${pick(vocLabel(s.bizStep))}` : ''}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={!!statusModal}
        title={statusModal === 'revoked' ? tt('trace.revoke') : tt('trace.recallProduct')}
        onCancel={() => setStatusModal(null)}
        onOk={() => form.submit()}
        confirmLoading={setStatus.isPending}
        okButtonProps={{ danger: true, ...({ 'data-testid': 'status-confirm' } as Record<string, string>) }}
      >
        <Alert type="warning" showIcon title={t('confirm.trace.status')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={(v) => setStatus.mutate(v)}>
          <Form.Item name="reason" label={tt('trace.statusReason')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} data-testid="status-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
