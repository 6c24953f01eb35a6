import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, InputNumber, List, Modal, Result, Select, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, upload } from '../../../api';
import { uploadErrorText } from '../../../components/application/AttachmentsTab';
import { useConfirm, validated } from '../../../components/confirm';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { errorText, useApiErrorHandler } from '../../../errors';
import { formatCny, formatDateTime, regionLabel, remanFieldLabel } from '../../../format';
import { useLocale } from '../../../i18n';
import { KindTag, PartyName } from './CoreExchangePage';
import { coreApi, coreKeys, MATCH_STATUS_COLOR, POSTING_STATUS_COLOR, type Attestation, type Posting, type Suggestion } from './coreExchangeApi';

/** The facts of one posting (also on the match page). */
export function PostingFacts({ p }: { p: Posting }) {
  const { locale, t } = useLocale();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
      <Descriptions.Item label={t('exchange.col.kind')}>
        <KindTag kind={p.kind} />
      </Descriptions.Item>
      <Descriptions.Item label={t('exchange.col.party')}>
        <PartyName p={p} />
      </Descriptions.Item>
      <Descriptions.Item label={t('common.status')}>
        <Tag color={POSTING_STATUS_COLOR[p.status]} data-testid="cx-posting-status" data-status={p.status}>
          {t(`exchange.status.${p.status}`)}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('exchange.form.model')}>{p.model ?? t('exchange.anyModelOf', { field: remanFieldLabel(p.field, locale) })}</Descriptions.Item>
      <Descriptions.Item label={t('exchange.form.field')}>{p.field ? remanFieldLabel(p.field, locale) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('exchange.col.grade')}>{t(p.kind === 'supply' ? 'exchange.grade.is' : 'exchange.grade.atLeast', { grade: p.grade })}</Descriptions.Item>
      <Descriptions.Item label={t('exchange.col.quantity')}>
        <span data-testid="cx-posting-remaining" data-remaining={p.remaining}>
          {t('exchange.remainingOf', { n: p.remaining, total: p.quantity })}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t(p.kind === 'supply' ? 'exchange.form.askPrice' : 'exchange.form.offerPrice')}>{p.priceCny === null ? '—' : formatCny(p.priceCny, locale)}</Descriptions.Item>
      <Descriptions.Item label={t('exchange.form.deposit')}>{p.depositCny === null ? '—' : formatCny(p.depositCny, locale)}</Descriptions.Item>
      <Descriptions.Item label={t('exchange.col.region')}>{regionLabel(p.regionCode, locale, p.regionName)}</Descriptions.Item>
      <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(p.createdAt, locale)}</Descriptions.Item>
      {p.note ? <Descriptions.Item label={t('exchange.form.note')}>{p.note}</Descriptions.Item> : null}
    </Descriptions>
  );
}

/** The declaration as the API takes it (empty optional fields left out). */
export const attestationBody = (a: Attestation): Attestation => ({
  statement: a.statement,
  ...(a.document ? { document: a.document } : {}),
  ...(a.documentFile ? { documentFile: a.documentFile } : {}),
  ...(a.coreCodes?.length ? { coreCodes: a.coreCodes } : {}),
});

/** The supporting document: uploaded to the platform's file store (checked by content), its id kept in the form. */
function DocumentUpload({ value, onChange }: { value?: string; onChange?: (v: string | undefined) => void }) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (file: File) => {
    setBusy(true);
    try {
      const fd = new FormData();
      fd.append('file', file, file.name);
      const d = await upload('/api/v1/core-exchange/documents', {}, fd);
      setName(d.name);
      onChange?.(d.id);
    } catch (e) {
      message.error(uploadErrorText(e, locale, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <Upload accept=".pdf,.jpg,.jpeg,.png,.ofd" showUploadList={false} beforeUpload={(file) => (void send(file), false)}>
        <Button icon={<UploadOutlined />} loading={busy} data-testid="cx-attest-file">
          {t('exchange.attest.choose')}
        </Button>
      </Upload>
      {value && name ? <Typography.Text data-testid="cx-attest-file-name">{t('exchange.attest.uploaded', { name })}</Typography.Text> : null}
    </Space>
  );
}

/**
 * The supplier's declaration of the cores' lawful source (规范条件 四(二)), in a proposal or an acceptance: the
 * statement, the supporting document (a number and/or an uploaded file) and, for a supplying enterprise, the codes
 * of its own traced cores.
 */
export function AttestationFields({ enterprise = false }: { enterprise?: boolean }) {
  const { t } = useLocale();
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="cx-attestation-help">
        {t('exchange.attest.help')}
      </Typography.Paragraph>
      <Form.Item name={['attestation', 'statement']} label={t('exchange.attest.statement')} rules={[{ required: true, min: 10, message: t('exchange.attest.statementRule') }]}>
        <Input.TextArea rows={3} maxLength={500} placeholder={t('exchange.attest.placeholder')} data-testid="cx-attest-statement" />
      </Form.Item>
      <Form.Item name={['attestation', 'document']} label={t('exchange.attest.document')} extra={t('exchange.attest.documentHelp')}>
        <Input maxLength={200} data-testid="cx-attest-document" />
      </Form.Item>
      <Form.Item name={['attestation', 'documentFile']} label={t('exchange.attest.file')} extra={t('exchange.attest.fileHelp')}>
        <DocumentUpload />
      </Form.Item>
      {enterprise ? (
        <Form.Item name={['attestation', 'coreCodes']} label={t('exchange.attest.cores')} extra={t('exchange.attest.coresHelp')}>
          <Select mode="tags" tokenSeparators={[',', ' ', '\n']} open={false} suffixIcon={null} data-testid="cx-attest-cores" />
        </Form.Item>
      ) : null}
    </>
  );
}

/** attestation.statement → the attestation form field (the server names the nested path). */
export function showAttestationError(e: unknown, form: ReturnType<typeof Form.useForm<{ attestation?: Attestation }>>[0], locale: Parameters<typeof errorText>[1]): boolean {
  if (!(e instanceof ApiError)) return false;
  const d = e.fieldDetails.find((x) => String(x.field ?? '').replace(/^body[./]/, '').startsWith('attestation'));
  if (!d) return false;
  const path = String(d.field ?? '').replace(/^body[./]/, '');
  const name = path.startsWith('attestation.coreCodes') ? 'coreCodes' : path.startsWith('attestation.documentFile') ? 'documentFile' : 'statement';
  form.setFields([{ name: ['attestation', name], errors: [e.localized(locale)] }]);
  return true;
}

interface ProposeValues {
  quantity: number;
  note?: string;
  attestation?: Attestation;
}

/** 提出匹配: quantity (at most the suggestion's), a note; the supplier declares the lawful source with it. */
function ProposeDialog({ s, mine, onClose }: { s: Suggestion; mine: Posting; onClose: () => void }) {
  const { locale, t } = useLocale();
  const [form] = Form.useForm<ProposeValues>();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const supplier = mine.kind === 'supply';
  const other = supplier ? s.demand : s.supply;

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      const m = await coreApi.propose({ supplyId: s.supply.id, demandId: s.demand.id, quantity: v.quantity, note: v.note || undefined, ...(supplier && v.attestation ? { attestation: attestationBody(v.attestation) } : {}) });
      message.success(t('exchange.proposed', { party: other.party.name }));
      void qc.invalidateQueries({ queryKey: coreKeys.all });
      navigate(`/core-exchange/matches/${m.id}`);
    } catch (e) {
      if (!showAttestationError(e, form as never, locale)) onError(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('exchange.proposeTitle', { party: other.party.name })}
      onCancel={onClose}
      width={600}
      okText={t('exchange.propose')}
      onOk={() => void submit()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'cx-propose-ok' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('exchange.proposeHelp', { party: other.party.name })}</Typography.Paragraph>
      <Form<ProposeValues> form={form} layout="vertical" initialValues={{ quantity: Math.min(s.quantity, 500) }} data-testid="cx-propose-form">
        <Form.Item name="quantity" label={t('exchange.form.quantity')} extra={t('exchange.proposeMax', { n: s.quantity })} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber<number> min={1} max={Math.min(s.quantity, 500)} precision={0} style={{ width: 140 }} data-testid="cx-propose-quantity" />
        </Form.Item>
        <Form.Item name="note" label={t('exchange.form.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {supplier ? <AttestationFields enterprise={mine.party.kind === 'enterprise'} /> : null}
      </Form>
    </Modal>
  );
}

/**
 * One posting: its facts, withdraw (own, open; confirmed), and for its own party the matching suggestions with their
 * reasons, each proposed from here (or its open proposal opened), and the matches of the posting.
 */
export default function PostingPage() {
  const { id = '' } = useParams();
  const { locale, t, pick } = useLocale();
  const qc = useQueryClient();
  const confirm = useConfirm();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [proposing, setProposing] = useState<Suggestion | null>(null);
  const posting = useQuery({ queryKey: coreKeys.posting(id), queryFn: ({ signal }) => coreApi.posting(id, signal) });
  const p = posting.data;
  const mayMatch = !!p?.actions.includes('suggest');
  const suggestions = useQuery({ queryKey: coreKeys.suggestions(id), queryFn: ({ signal }) => coreApi.suggestions(id, signal), enabled: mayMatch });
  const mq = { postingId: id, page: 1, pageSize: 50 };
  const matches = useQuery({ queryKey: coreKeys.matches(mq), queryFn: ({ signal }) => coreApi.matches(mq, signal), enabled: !!p && (mayMatch || p.status !== 'open') });
  const withdraw = useMutation({
    mutationFn: () => coreApi.withdraw(id),
    onSuccess: () => {
      message.success(t('exchange.withdrawn'));
      void qc.invalidateQueries({ queryKey: coreKeys.all });
    },
    onError: (e) => onError(e),
  });

  if (posting.isPending) return <PageLoading />;
  if (posting.isError || !p) {
    const notFound = posting.error instanceof ApiError && posting.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('exchange.notFound') : errorText(posting.error, locale)} extra={<Link to="/core-exchange">{t('exchange.back')}</Link>} />;
  }

  return (
    <>
      <PageHeader
        title={p.name}
        subTitle={t(p.kind === 'supply' ? 'exchange.kind.supply' : 'exchange.kind.demand')}
        backTo="/core-exchange"
        extra={
          p.actions.includes('withdraw') ? (
            <Button
              danger
              data-testid="cx-withdraw"
              onClick={() =>
                confirm({
                  title: t('exchange.withdrawTitle', { name: p.name }),
                  consequence: t('exchange.withdrawConsequence'),
                  okText: t('exchange.withdraw'),
                  danger: true,
                  onOk: () => withdraw.mutateAsync(),
                })
              }
            >
              {t('exchange.withdraw')}
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <PostingFacts p={p} />
        </Card>
        {mayMatch ? (
          <Card title={t('exchange.suggestions')} extra={<Typography.Text type="secondary">{t('exchange.suggestionsHelp')}</Typography.Text>}>
            <List<Suggestion>
              loading={suggestions.isFetching}
              dataSource={suggestions.data?.items ?? []}
              locale={{ emptyText: suggestions.isError ? t('common.loadFailed') : <Empty description={t('exchange.noSuggestions')} /> }}
              data-testid="cx-suggestions"
              renderItem={(s) => {
                const other = p.kind === 'supply' ? s.demand : s.supply;
                return (
                  <List.Item
                    data-testid="cx-suggestion"
                    data-other={other.id}
                    actions={[
                      s.matchId ? (
                        <Link key="open" to={`/core-exchange/matches/${s.matchId}`} data-testid="cx-suggestion-match">
                          {t('exchange.openProposal')}
                        </Link>
                      ) : (
                        <Button key="propose" type="primary" size="small" onClick={() => setProposing(s)} data-testid="cx-suggestion-propose">
                          {t('exchange.propose')}
                        </Button>
                      ),
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap size={4}>
                          <KindTag kind={other.kind} />
                          <span>{other.name}</span>
                          <Typography.Text type="secondary">· <PartyName p={other} /></Typography.Text>
                        </Space>
                      }
                      description={
                        <>
                          <div data-testid="cx-suggestion-reason">{pick(s.reason)}</div>
                          <div style={{ fontSize: 12 }}>
                            {t('exchange.suggestionLine', { n: s.quantity, score: Math.round(s.score * 100), region: regionLabel(other.regionCode, locale, other.regionName) })}
                            {other.priceCny !== null ? ` · ${formatCny(other.priceCny, locale)}` : ''}
                          </div>
                        </>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          </Card>
        ) : null}
        {matches.data && matches.data.items.length > 0 ? (
          <Card title={t('exchange.postingMatches')}>
            <List
              dataSource={matches.data.items}
              data-testid="cx-posting-matches"
              renderItem={(m) => (
                <List.Item>
                  <Space wrap>
                    <Link to={`/core-exchange/matches/${m.id}`}>{t('exchange.match.line', { name: m.supply.name, n: m.quantity })}</Link>
                    <Typography.Text type="secondary">{m.supply.party.name} → {m.demand.party.name}</Typography.Text>
                    <Tag color={MATCH_STATUS_COLOR[m.status]}>{t(`exchange.matchStatus.${m.status}`)}</Tag>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        ) : null}
      </Flex>
      {proposing ? <ProposeDialog s={proposing} mine={p} onClose={() => setProposing(null)} /> : null}
    </>
  );
}
