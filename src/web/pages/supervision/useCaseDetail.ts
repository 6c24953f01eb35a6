import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, type UploadFile } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useApiErrorHandler } from '../../errors';
import { postForm } from './common';
import { SUP_KEYS } from './SupervisionPage';

/**
 * One change request or revocation case with its action form: loads `/<kind>/<id>`, and `act` posts an action
 * (`/<kind>/<id>/<path>`, JSON or multipart with the picked files), then shows the answer and refreshes the lists.
 */
export function useCaseDetail<T>(kind: 'changes' | 'revocations', id: string) {
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const key = [...SUP_KEYS[kind], id];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<T>(`/${kind}/${id}`, undefined, signal) });
  const act = useMutation({
    mutationFn: (a: { path: string; body: Record<string, unknown>; multipart?: boolean }) =>
      a.multipart ? postForm<T>(`/${kind}/${id}/${a.path}`, a.body, files) : api.post<T>(`/${kind}/${id}/${a.path}`, a.body),
    onSuccess: (c) => {
      qc.setQueryData(key, c);
      void qc.invalidateQueries({ queryKey: SUP_KEYS[kind] });
      form.resetFields();
      setFiles([]);
    },
    onError: (e) => onError(e, form),
  });
  return { q, act, form, files, setFiles };
}
