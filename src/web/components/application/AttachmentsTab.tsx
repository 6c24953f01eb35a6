import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Popconfirm, Progress, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ATTACHMENT_SLOTS } from '../../../domain/announcement/form';
import { ApiError, client, upload, type ApplicationDetail, type AttachmentWire } from '../../api';
import { useApiErrorHandler } from '../../errors';
import { clauseRef, formatBytes, formatDateTime } from '../../format';
import { LOCALE_TRAITS, pick, useLocale, type Locale, type TFunction } from '../../i18n';
import { qk, WORKFLOW_KEYS } from '../../queries';

export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.ofd';

type Slot = (typeof ATTACHMENT_SLOTS)[number];

export const attachmentUrl = (applicationId: string, attachmentId: string) =>
  `/api/v1/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachmentId)}/download`;

/** The upload errors the server answers with, in the UI language (413 and 415 get our own wording). */
export function uploadErrorText(e: unknown, locale: Locale, t: TFunction): string {
  if (e instanceof ApiError) {
    if (e.status === 413 || e.code === 'FILE_TOO_LARGE' || e.code === 'FST_REQ_FILE_TOO_LARGE') {
      return e.code === 'FILE_TOO_LARGE' ? e.localized(locale) : t('att.tooLarge');
    }
    if (e.status === 415) return e.localized(locale) || t('att.badType');
    return e.localized(locale);
  }
  return t('common.unknownError');
}

/** Upload one file to an application (multipart: slot, file, optional replacesId). */
export function uploadAttachment(applicationId: string, slot: string, file: File, replacesId?: string): Promise<AttachmentWire> {
  const fd = new FormData();
  // text fields first: the server reads the parts in order
  fd.append('slot', slot);
  if (replacesId) fd.append('replacesId', replacesId);
  fd.append('file', file, file.name);
  return upload('/api/v1/applications/{id}/attachments', { id: applicationId }, fd);
}

/** 附件: every ATTACHMENT_SLOTS item with its current files; upload, replace (new revision), remove. */
export function AttachmentsTab({ detail, editable }: { detail: ApplicationDetail; editable: boolean }) {
  const { locale, t } = useLocale();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  // the error itself, so that its text follows a language switch
  const [lastError, setLastError] = useState<{ slot: string; error: unknown } | null>(null);
  const lastErrorText = lastError ? uploadErrorText(lastError.error, locale, t) : '';

  const current = detail.attachments.filter((a) => !a.supersededAt);
  const bySlot = (slot: string) => current.filter((a) => a.slot === slot);
  const required = ATTACHMENT_SLOTS.filter((s) => s.required);
  const done = required.filter((s) => bySlot(s.key).length > 0).length;

  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: qk.application(detail.id) });
    for (const key of WORKFLOW_KEYS) void qc.invalidateQueries({ queryKey: key });
  };

  const upload = async (slot: string, file: File, replacesId?: string) => {
    const key = `${slot}:${replacesId ?? 'new'}`;
    setBusy(key);
    setLastError(null);
    try {
      const a = await uploadAttachment(detail.id, slot, file, replacesId);
      message.success(t('att.uploaded', { name: a.filename }));
      await refresh();
    } catch (e) {
      setLastError({ slot, error: e });
      message.error(uploadErrorText(e, locale, t));
    } finally {
      setBusy(null);
    }
  };

  const remove = async (a: AttachmentWire) => {
    setBusy(`${a.slot}:${a.id}:rm`);
    try {
      await client.DELETE('/api/v1/applications/{id}/attachments/{attachmentId}', { params: { path: { id: detail.id, attachmentId: a.id } } });
      message.success(t('att.removed'));
      await refresh();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(null);
    }
  };

  const picker = (slot: string, label: string, testId: string, replacesId?: string, primary = false) => (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      multiple={false}
      customRequest={({ file, onSuccess }) => {
        void upload(slot, file as File, replacesId).then(() => onSuccess?.(null));
      }}
    >
      <Button size="small" type={primary ? 'primary' : 'default'} loading={busy === `${slot}:${replacesId ?? 'new'}`} data-testid={testId}>
        {label}
      </Button>
    </Upload>
  );

  const columns: TableColumnsType<Slot> = [
    {
      title: t('att.slot'),
      key: 'slot',
      width: 320,
      render: (_, s) => (
        <div>
          <Typography.Text strong>{pick(locale, s)}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.rows.length ? t('att.rows', { rows: s.rows.join(LOCALE_TRAITS[locale].listSep) }) : t('att.clause', { clause: clauseRef('二(四)', locale) })}
            </Typography.Text>{' '}
            {s.required ? <Tag color="red">{t('att.required')}</Tag> : <Tag>{t('att.optional')}</Tag>}
          </div>
        </div>
      ),
    },
    {
      title: t('att.files'),
      key: 'files',
      render: (_, s) => {
        const files = bySlot(s.key);
        return (
          <div>
            {files.length === 0 ? <Typography.Text type={s.required ? 'danger' : 'secondary'}>{t('att.none')}</Typography.Text> : null}
            {files.map((a) => (
              <Flex key={a.id} gap={8} align="center" wrap style={{ padding: '2px 0' }} data-testid="attachment-file">
                <a href={attachmentUrl(detail.id, a.id)} download={a.filename} data-testid="attachment-download">
                  {a.filename}
                </a>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatBytes(a.size)} · {a.revision > 1 ? `${t('att.revision', { n: a.revision })} · ` : ''}
                  {formatDateTime(a.uploadedAt, locale)}
                </Typography.Text>
                {editable ? (
                  <>
                    {picker(s.key, t('att.replace'), `attachment-replace-${s.key}`, a.id)}
                    <Popconfirm title={t('att.removeConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => remove(a)}>
                      <Button size="small" danger type="link" loading={busy === `${a.slot}:${a.id}:rm`} data-testid={`attachment-remove-${s.key}`}>
                        {t('att.remove')}
                      </Button>
                    </Popconfirm>
                  </>
                ) : null}
              </Flex>
            ))}
            {lastError?.slot === s.key ? (
              <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="attachment-error">
                {lastErrorText}
              </Typography.Text>
            ) : null}
          </div>
        );
      },
    },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'upload',
            width: 100,
            render: (_: unknown, s: Slot) => picker(s.key, t('att.upload'), `attachment-upload-${s.key}`, undefined, bySlot(s.key).length === 0 && s.required),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="attachments">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 260 }}>
          <Typography.Text>{t('att.progress', { done, total: required.length })}</Typography.Text>
          <Progress percent={Math.round((done / required.length) * 100)} size="small" status={done === required.length ? 'success' : 'active'} />
        </div>
        {editable ? <Typography.Text type="secondary">{t('att.accept')}</Typography.Text> : null}
      </Flex>
      {lastError ? <Alert type="error" showIcon title={lastErrorText} closable={{ onClose: () => setLastError(null) }} style={{ marginBottom: 12 }} /> : null}
      <Table<Slot> rowKey="key" size="small" bordered pagination={false} columns={columns} dataSource={[...ATTACHMENT_SLOTS]} scroll={{ x: 800 }} />
    </div>
  );
}
