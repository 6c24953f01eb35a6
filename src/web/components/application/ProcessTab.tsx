import { Button, Card, Col, Descriptions, Empty, Flex, Row, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ApplicationDetail, ApplicationEventWire, AttachmentWire } from '../../api';
import { ApplicationStateTag, FieldTags } from '../ApplicationStateTag';
import { applicationEventLabel, clauseRef, formatDate, formatDateTime, roleLabel } from '../../format';
import { LOCALE_TRAITS, useLocale, type Locale, type MessageKey } from '../../i18n';
import { CONDITION_CHAPTERS, CONDITION_CHAPTER_KEYS, conditionChapterTitle } from '../../../domain/announcement/chapters';
import { attachmentUrl } from './AttachmentsTab';
import { table13DocxUrl } from '../../links';

/** Expert opinions and on-site findings are filed under the 规范条件 chapters 二–六 (not the 申请书大纲's). */
export const CHAPTER_KEYS = CONDITION_CHAPTER_KEYS;
export const chapterLabel = (c: string, locale: Locale): string => conditionChapterTitle(c, locale);
/** The clauses a chapter holds, e.g. 二(一)–二(五), as the opinion form's help. */
export const chapterClauses = (c: string, locale: Locale): string => {
  const cl = CONDITION_CHAPTERS.find((x) => x.key === c)?.clauses ?? [];
  return cl.length ? `${clauseRef(cl[0]!, locale)}–${clauseRef(cl[cl.length - 1]!, locale)}` : '';
};

const EVENT_COLOR: Record<string, string> = {
  submit: 'blue',
  forward: 'blue',
  assign_experts: 'blue',
  record_opinion: 'blue',
  complete_expert_review: 'blue',
  record_onsite_pass: 'green',
  add_to_notice: 'blue',
  close_notice: 'green',
  announce: 'green',
  return_for_supplement: 'orange',
  withdraw: 'gray',
  provincial_reject: 'red',
  reject: 'red',
  uphold_objection: 'red',
};

const RECOMMENDATIONS = ['approve', 'revise', 'reject'] as const;
export const recommendationKey = (r: string | undefined): MessageKey | null =>
  r && (RECOMMENDATIONS as readonly string[]).includes(r) ? (`exp.rec.${r}` as MessageKey) : null;

/** What an event's note says, in a line or two. */
function EventNote({ e }: { e: ApplicationEventWire }) {
  const { locale, t } = useLocale();
  const n = (e.note ?? {}) as Record<string, unknown>;
  const parts: ReactNode[] = [];
  if (typeof n.reason === 'string') parts.push(`${t('common.reason')}${t('common.colon')}${n.reason}`);
  if (typeof n.resolution === 'string') parts.push(`${t('obj.resolution')}${t('common.colon')}${n.resolution}`);
  if (typeof n.version === 'number') parts.push(t('app.versionN', { v: n.version }));
  if (n.summary && typeof n.summary === 'object') {
    const s = n.summary as Record<string, number>;
    parts.push(`${t('cond.pass')} ${s.pass ?? 0} · ${t('cond.fail')} ${s.fail ?? 0} · ${t('cond.review')} ${s.review ?? 0}`);
  }
  if (typeof n.handler === 'string') parts.push(`${t('op.handler')}${t('common.colon')}${n.handler}　${t('op.head')}${t('common.colon')}${String(n.head ?? '')}`);
  if (typeof n.startDate === 'string' && typeof n.endDate === 'string') parts.push(t('pub.noticeWindow', { start: n.startDate, end: n.endDate }));
  if (Array.isArray(n.expertIds)) parts.push(`${t('act.experts')}${t('common.colon')}${n.expertIds.length}`);
  if (typeof n.recommendation === 'string') {
    const k = recommendationKey(n.recommendation);
    parts.push(`${t('exp.recommendation')}${t('common.colon')}${k ? t(k) : n.recommendation}`);
  }
  if (Array.isArray(n.recommendations)) {
    parts.push(
      (n.recommendations as string[])
        .map((r) => {
          const k = recommendationKey(r);
          return k ? t(k) : r;
        })
        .join(LOCALE_TRAITS[locale].listSep),
    );
  }
  if (typeof n.date === 'string' && typeof n.handler !== 'string') parts.push(`${t('common.date')}${t('common.colon')}${n.date}`);
  if (parts.length === 0) return null;
  return (
    <div style={{ color: '#595959', fontSize: 13, whiteSpace: 'pre-wrap' }}>
      {parts.map((p, i) => (
        <div key={i}>{p}</div>
      ))}
    </div>
  );
}

export function ProvincialOpinion({ detail }: { detail: ApplicationDetail }) {
  const { locale, t } = useLocale();
  const o = detail.provincialOpinion;
  if (!o) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('proc.none')} />;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 3 }}
      data-testid="provincial-opinion"
      items={[
        { key: 'applicant', label: t('op.applicant'), children: `${detail.enterpriseName}（${detail.siteName}）`, span: 3 },
        { key: 'fields', label: t('op.fields'), children: <FieldTags fields={detail.fields} />, span: 3 },
        { key: 'appliedAt', label: t('op.appliedAt'), children: formatDate(detail.submittedAt, locale), span: 3 },
        { key: 'opinion', label: t('op.opinion'), children: <div style={{ whiteSpace: 'pre-wrap' }}>{o.opinion ?? '—'}</div>, span: 3 },
        { key: 'handler', label: t('op.handler'), children: o.handler || '—' },
        { key: 'head', label: t('op.head'), children: o.head || '—' },
        { key: 'date', label: t('op.date'), children: o.date || '—' },
        { key: 'filler', label: t('op.filler'), children: o.filler || '—' },
        { key: 'phone', label: t('op.phone'), children: o.phone || '—' },
        { key: 'email', label: t('op.email'), children: o.email || '—' },
      ]}
    />
  );
}

function Photos({ detail, shas }: { detail: ApplicationDetail; shas: string[] }) {
  // The server names on-site photos by content (SHA-256); the files are the application's onsite_photo attachments.
  const files = shas
    .map((sha) => detail.attachments.find((a) => a.slot === 'onsite_photo' && (a.sha256 === sha || a.id === sha)))
    .filter((a): a is AttachmentWire => !!a);
  if (files.length === 0) return <>{shas.length > 0 ? shas.length : '—'}</>;
  // plain thumbnails linking to the full picture (antd Image would add ~30 kB to the shared antd chunk)
  return (
    <Flex gap={8} wrap>
      {files.map((a) => (
        <a key={a.id} href={attachmentUrl(detail.id, a.id)} target="_blank" rel="noreferrer" title={a.filename} data-testid="onsite-photo">
          {a.mime.startsWith('image/') ? (
            <img width={96} height={72} style={{ objectFit: 'cover', border: '1px solid #f0f0f0', borderRadius: 4 }} src={attachmentUrl(detail.id, a.id)} alt={a.filename} />
          ) : (
            a.filename
          )}
        </a>
      ))}
    </Flex>
  );
}

/** 流程: history, versions, 表1-3, expert opinions, on-site checks. */
export function ProcessTab({ detail, viewerKind }: { detail: ApplicationDetail; viewerKind: string }) {
  const { locale, t } = useLocale();
  const isEnterpriseView = viewerKind === 'enterprise';

  return (
    <div data-testid="process">
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('proc.timeline')} style={{ marginBottom: 16 }}>
            {detail.events.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('proc.noEvents')} />
            ) : (
              <Timeline
                data-testid="process-timeline"
                items={detail.events.map((e, i) => ({
                  key: `${e.at}-${i}`,
                  color: EVENT_COLOR[e.event] ?? 'blue',
                  title: formatDateTime(e.at, locale),
                  content: (
                    <div>
                      <Flex gap={8} wrap align="center">
                        <Typography.Text strong>{applicationEventLabel(e.event, locale)}</Typography.Text>
                        <ApplicationStateTag state={e.toState} />
                        {e.actorRole ? (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {roleLabel(e.actorRole, locale)}
                          </Typography.Text>
                        ) : null}
                      </Flex>
                      <EventNote e={e} />
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('proc.versions')} style={{ marginBottom: 16 }}>
            {detail.versions.length === 0 ? (
              <Typography.Text type="secondary">{t('proc.none')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="process-versions">
                {detail.versions.map((v) => (
                  <li key={v.version}>{t('proc.versionItem', { v: v.version, at: formatDateTime(v.submittedAt, locale) })}</li>
                ))}
              </ul>
            )}
          </Card>
          {detail.outcomeReason ? (
            <Card size="small" title={t('app.outcome')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{detail.outcomeReason}</Typography.Paragraph>
            </Card>
          ) : null}
        </Col>
      </Row>

      <Card
        size="small"
        title={t('proc.provincial')}
        style={{ marginBottom: 16 }}
        extra={
          detail.state !== 'draft' ? (
            // 表1-3 on its own for the stamped paper copy (issue 16 item 13)
            <Button size="small" href={table13DocxUrl(detail.id)} data-testid="table13-docx">
              {t('ux.app.table13Docx')}
            </Button>
          ) : null
        }
      >
        <ProvincialOpinion detail={detail} />
      </Card>

      <Card size="small" title={t('proc.experts')} style={{ marginBottom: 16 }} data-testid="process-experts">
        {detail.experts.length === 0 ? (
          <Typography.Text type="secondary">{isEnterpriseView ? t('exp.hiddenFromEnterprise') : t('proc.none')}</Typography.Text>
        ) : (
          detail.experts.map((x) => {
            const rec = recommendationKey(x.opinion?.recommendation);
            return (
              <Card
                key={x.expertId}
                type="inner"
                size="small"
                style={{ marginBottom: 12 }}
                title={
                  <Flex gap={8} align="center" wrap>
                    <span>{x.name}</span>
                    <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                      {x.organization}
                    </Typography.Text>
                    <Tag color={x.submitted ? 'green' : 'default'}>{x.submitted ? t('exp.submitted') : t('exp.pending')}</Tag>
                    {rec ? <Tag color={x.opinion?.recommendation === 'approve' ? 'green' : x.opinion?.recommendation === 'reject' ? 'red' : 'orange'}>{t(rec)}</Tag> : null}
                  </Flex>
                }
              >
                {x.opinion ? (
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      ...CHAPTER_KEYS.map((c) => ({
                        key: c,
                        label: chapterLabel(c, locale),
                        children: <span style={{ whiteSpace: 'pre-wrap' }}>{x.opinion?.chapters?.[c] ?? '—'}</span>,
                      })),
                      ...(x.opinion.comment ? [{ key: 'comment', label: t('exp.comment'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{x.opinion.comment}</span> }] : []),
                    ]}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('exp.pending')}</Typography.Text>
                )}
              </Card>
            );
          })
        )}
      </Card>

      <Card size="small" title={t('proc.onsite')} data-testid="process-onsite">
        {detail.onsiteChecks.length === 0 ? (
          <Typography.Text type="secondary">{t('proc.none')}</Typography.Text>
        ) : (
          detail.onsiteChecks.map((o) => (
            <Descriptions
              key={o.id}
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              style={{ marginBottom: 12 }}
              items={[
                { key: 'date', label: t('onsite.date'), children: o.date },
                {
                  key: 'conclusion',
                  label: t('onsite.conclusion'),
                  children: <Tag color={o.conclusion === 'pass' ? 'green' : 'red'}>{o.conclusion === 'pass' ? t('onsite.pass') : t('onsite.fail')}</Tag>,
                },
                { key: 'team', label: t('onsite.team'), children: o.team.join(LOCALE_TRAITS[locale].listSep), span: 2 },
                ...CHAPTER_KEYS.map((c) => ({
                  key: c,
                  label: chapterLabel(c, locale),
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{o.findings[c] ?? '—'}</span>,
                  span: 2,
                })),
                { key: 'photos', label: t('onsite.photos'), children: <Photos detail={detail} shas={o.photoIds} />, span: 2 },
                { key: 'recordedAt', label: t('common.updatedAt'), children: formatDateTime(o.recordedAt, locale), span: 2 },
              ]}
            />
          ))
        )}
      </Card>
    </div>
  );
}
