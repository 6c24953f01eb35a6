import { Button, Space, Tag, Upload, type UploadFile } from 'antd';
import { API_BASE, upload, type PathWith } from '../../api';
import { formatBytes } from '../../format';
import type { FileRef } from './supApi';
import { useT } from '../../i18n';

export const MAX_FILES = 5;

const COLORS: Record<string, string> = {
  submitted: 'blue', check_passed: 'cyan', check_failed: 'orange', confirmed: 'green', not_confirmed: 'red',
  opened: 'blue', notified: 'gold', statement_received: 'purple', revoked: 'red', not_revoked: 'green',
  received: 'blue', accepted: 'cyan', investigating: 'gold', substantiated: 'red', unsubstantiated: 'green', dismissed: 'default',
};

export function StateTag({ kind, state }: { kind: 'chg' | 'rev' | 'cmp'; state: string }) {
  const st = useT();
  return (
    <Tag color={COLORS[state] ?? 'default'} data-testid={`${kind}-state`} data-state={state}>
      {st.dyn(`${kind}.state.${state}`)}
    </Tag>
  );
}

/** A file picker that keeps the files in the form until submit (nothing uploads before). */
export function FilesPicker({ files, onChange, testId }: { files: UploadFile[]; onChange: (f: UploadFile[]) => void; testId: string }) {
  const st = useT();
  return (
    <Upload accept=".pdf,.jpg,.jpeg,.png,.ofd" multiple maxCount={MAX_FILES} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => onChange(fileList.slice(0, MAX_FILES))}>
      <Button size="small" data-testid={testId}>
        {st('sup.addFiles')}
      </Button>
    </Upload>
  );
}

/** POST fields (+ files) as multipart/form-data; arrays repeat the field, objects go as JSON text. */
export function postForm<P extends PathWith<'post'>>(path: P, params: Record<string, string>, fields: Record<string, unknown>, files: UploadFile[], fileField = 'files') {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) for (const one of v) fd.append(k, one as string);
    else fd.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  for (const f of files) if (f.originFileObj) fd.append(fileField, f.originFileObj, f.name);
  return upload(path, params, fd);
}

export function FileLinks({ base, files }: { base: string; files: FileRef[] }) {
  const st = useT();
  if (files.length === 0) return <span>—</span>;
  return (
    <Space wrap>
      {files.map((f, i) => (
        <a key={f.sha256} href={`${API_BASE}${base}/${f.sha256}`} target="_blank" rel="noreferrer">
          {st('sup.download')} {i + 1} ({f.mime.split('/')[1]}, {formatBytes(f.size)})
        </a>
      ))}
    </Space>
  );
}
