import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Result, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, type ResponseOf } from '../../api';
import { applyFieldErrors, errorText } from '../../errors';
import { bilingual, useLocale } from '../../i18n';
import { FilesPicker, postForm } from '../supervision/common';
import { useT } from '../../i18n';

interface Values {
  subject: string;
  enterpriseName: string;
  facts: string;
  contact?: string;
}
type Filed = ResponseOf<'/api/v1/public/complaints', 'post'>;

/** 投诉举报 (规范条件 七(二)2): anyone files, anonymously or not, with evidence; the tracking code is shown big. */
export default function PublicComplaintPage() {
  const st = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<unknown>(null);
  const [filed, setFiled] = useState<Filed | null>(null);
  const submit = useMutation({
    mutationFn: (v: Values) => postForm('/api/v1/public/complaints', {}, { subject: v.subject.trim(), enterpriseName: v.enterpriseName.trim(), facts: v.facts.trim(), contact: v.contact?.trim() }, files),
    onSuccess: (r) => {
      setProblem(null);
      setFiled(r);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 400) {
        const rest = applyFieldErrors(form, e, locale);
        setProblem(rest.length > 0 || e.fieldDetails.length === 0 ? e : null);
        return;
      }
      setProblem(e); // 413/415 files, 429 too many requests
    },
  });

  if (filed) {
    return (
      <Card>
        <Result
          status="success"
          title={filed.anonymous ? st('cmp.filedAnon') : st('cmp.filed')}
          subTitle={bilingual(locale, filed.message, filed.messageEn)}
          extra={
            <div>
              <Typography.Paragraph>{st('cmp.keepCode')}</Typography.Paragraph>
              <Typography.Title level={1} copyable data-testid="complaint-tracking-code" style={{ fontFamily: 'monospace', letterSpacing: 6, margin: '8px 0 24px' }}>
                {filed.trackingCode}
              </Typography.Title>
              <Button type="primary" onClick={() => navigate(`/public/complaints/track?code=${filed.trackingCode}`)} data-testid="complaint-go-track">
                {st('cmp.track')}
              </Button>
            </div>
          }
        />
      </Card>
    );
  }
  return (
    <Card title={<span data-testid="page-title">{st('cmp.fileTitle')}</span>} extra={<Typography.Link onClick={() => navigate('/public/complaints/track')}>{st('cmp.trackLink')}</Typography.Link>}>
      <Typography.Paragraph type="secondary">{st('cmp.fileSub')}</Typography.Paragraph>
      {problem ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(problem, locale)} data-testid="complaint-error" /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} style={{ maxWidth: 720 }} data-testid="complaint-form">
        <Form.Item name="enterpriseName" label={st('cmp.enterpriseName')} rules={[{ required: true, whitespace: true, min: 2, message: st('common.required') }]}>
          <Input maxLength={200} data-testid="complaint-enterprise" />
        </Form.Item>
        <Form.Item name="subject" label={st('cmp.subject')} rules={[{ required: true, whitespace: true, min: 2, message: st('common.required') }]}>
          <Input maxLength={200} data-testid="complaint-subject" />
        </Form.Item>
        <Form.Item name="facts" label={st('cmp.facts')} rules={[{ required: true, whitespace: true, min: 10, message: st('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={20000} showCount data-testid="complaint-facts" />
        </Form.Item>
        <Form.Item name="contact" label={st('cmp.contact')} extra={st('cmp.contactHint')}>
          <Input maxLength={200} data-testid="complaint-contact" />
        </Form.Item>
        <Form.Item label={st('cmp.evidence')} extra={st('cmp.evidenceHint')}>
          <FilesPicker files={files} onChange={setFiles} testId="complaint-evidence" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="complaint-submit">
          {st('cmp.send')}
        </Button>
      </Form>
    </Card>
  );
}
