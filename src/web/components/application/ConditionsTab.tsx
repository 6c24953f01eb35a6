import { Alert, Card, Flex, Form, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { shanghaiDate } from '../../../domain/calendar-date';
import { checkConditions, CONDITION_RULES } from '../../../domain/announcement/conditions';
import { missingItems } from '../../../domain/announcement/completeness';
import { ATTACHMENT_SLOT_KEYS, type AttachmentSlot } from '../../../domain/announcement/form';
import type { ApplicationDetail, ConditionResultWire, ConditionsCheckWire, MissingItemWire } from '../../api';
import { clauseRef } from '../../format';
import { pick, bilingual, useLocale } from '../../i18n';
import { formForLiveCheck, type FormValues } from './formModel';
import { TechnicalDetails } from '../TechnicalDetails';

const OUTCOME_COLOR = { pass: 'green', fail: 'red', review: 'orange' } as const;

function slotCounts(detail: ApplicationDetail): Partial<Record<AttachmentSlot, number>> {
  const out: Partial<Record<AttachmentSlot, number>> = {};
  for (const a of detail.attachments) {
    if (a.supersededAt || !(ATTACHMENT_SLOT_KEYS as readonly string[]).includes(a.slot)) continue;
    const k = a.slot as AttachmentSlot;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** The missing items as a clickable list (jumps to the field or the attachments tab when `onJump` is given). */
export function MissingList({
  items,
  onJump,
  testId = 'missing-items',
  maxHeight,
}: {
  items: MissingItemWire[];
  onJump?: (path: string) => void;
  testId?: string;
  maxHeight?: number;
}) {
  const { locale } = useLocale();
  return (
    <ol
      data-testid={testId}
      style={{ margin: 0, paddingInlineStart: 22, columns: items.length > 8 ? 2 : 1, columnGap: 32, maxHeight, overflow: maxHeight ? 'auto' : undefined }}
    >
      {items.map((m) => (
        <li key={m.path} data-path={m.path} style={{ breakInside: 'avoid', padding: '1px 0' }}>
          {onJump ? <Typography.Link onClick={() => onJump(m.path)}>{pick(locale, m)}</Typography.Link> : pick(locale, m)}
        </li>
      ))}
    </ol>
  );
}

function ResultTable({ check }: { check: ConditionsCheckWire }) {
  const { locale, t } = useLocale();
  const columns: TableColumnsType<ConditionResultWire> = [
    { title: t('cond.clause'), key: 'clause', width: 90, render: (_, r) => <Tag color="geekblue">{clauseRef(r.clause, locale)}</Tag> },
    {
      title: t('cond.rule'),
      key: 'rule',
      render: (_, r) => {
        const rule = CONDITION_RULES.find((x) => x.id === r.ruleId);
        return <span style={{ fontSize: 13 }}>{rule ? (bilingual(locale, rule.textZh, rule.textEn)) : r.ruleId}</span>;
      },
    },
    {
      title: t('cond.outcome'),
      key: 'outcome',
      width: 120,
      render: (_, r) => (
        <Tag color={OUTCOME_COLOR[r.outcome]} data-testid="condition-outcome" data-outcome={r.outcome}>
          {t(`cond.${r.outcome}`)}
        </Tag>
      ),
    },
    { title: t('cond.message'), key: 'message', render: (_, r) => <span style={{ fontSize: 13 }}>{bilingual(locale, r.messageZh, r.messageEn)}</span> },
  ];
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="conditions-summary">
        <Tag color="green">
          {t('cond.pass')} {check.summary.pass}
        </Tag>
        <Tag color="red">
          {t('cond.fail')} {check.summary.fail}
        </Tag>
        <Tag color="orange">
          {t('cond.review')} {check.summary.review}
        </Tag>
      </Flex>
      <Table<ConditionResultWire>
        rowKey="ruleId"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={check.results}
        data-testid="conditions-table"
        scroll={{ x: 900 }}
      />
      {check.flags?.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="conditions-flags"
          title={t('cond.flags')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {check.flags.map((f) => (
                <li key={f.id}>
                  <Tag color="geekblue">{f.ref}</Tag>
                  {bilingual(locale, f.messageZh, f.messageEn)}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {/* the rules version is for reviewers' technical details, never on the applicant's page (issue 16 item 14) */}
      <TechnicalDetails testId="conditions-technical">
        <span data-testid="conditions-rules-version">{t('cond.rulesVersion', { v: check.rulesVersion })}</span>
      </TechnicalDetails>
    </>
  );
}

/** Live check of a draft: the current form values (saved or not) and the uploaded attachments. */
function LiveConditions({ detail, onJump }: { detail: ApplicationDetail; onJump: (path: string) => void }) {
  const { t } = useLocale();
  const form = Form.useFormInstance<FormValues>();
  const values = Form.useWatch((v: FormValues) => v, { form, preserve: true });
  const counts = useMemo(() => slotCounts(detail), [detail]);
  const live = useMemo(() => {
    try {
      const f = formForLiveCheck(values ?? form.getFieldsValue(true));
      return { check: checkConditions({ form: f, attachments: counts, asOf: shanghaiDate(Date.now()) }) as ConditionsCheckWire, missing: missingItems(f, counts) };
    } catch {
      // half-typed values the domain refuses: fall back to the server's view of the saved draft
      return { check: detail.check, missing: detail.missing };
    }
  }, [values, counts, detail, form]);
  return (
    <>
      <Alert type="info" showIcon title={t('cond.live')} style={{ marginBottom: 12 }} />
      <ResultTable check={live.check} />
      <Card size="small" title={t('cond.missingTitle', { n: live.missing.length })} style={{ marginTop: 16 }}>
        {live.missing.length === 0 ? (
          <Typography.Text type="success" data-testid="missing-items">
            {t('cond.noMissing')}
          </Typography.Text>
        ) : (
          <MissingList items={live.missing} onJump={onJump} />
        )}
      </Card>
    </>
  );
}

/** 条件核对: live for drafts; for submitted cases the result stored at submission. */
export function ConditionsTab({ detail, editable, onJump }: { detail: ApplicationDetail; editable: boolean; onJump: (path: string) => void }) {
  const { t } = useLocale();
  return (
    <div data-testid="conditions-check">
      {editable ? (
        <LiveConditions detail={detail} onJump={onJump} />
      ) : (
        <>
          {detail.state === 'draft' || detail.state === 'returned' ? null : (
            <Alert type="warning" showIcon title={t('cond.stored', { asOf: detail.check.asOf })} style={{ marginBottom: 12 }} data-testid="conditions-stored" />
          )}
          <ResultTable check={detail.check} />
          <Card size="small" title={t('cond.missingTitle', { n: detail.missing.length })} style={{ marginTop: 16 }}>
            {detail.missing.length === 0 ? (
              <Typography.Text type="success" data-testid="missing-items">
                {t('cond.noMissing')}
              </Typography.Text>
            ) : (
              <MissingList items={detail.missing} />
            )}
          </Card>
        </>
      )}
    </div>
  );
}
