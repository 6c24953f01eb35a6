import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, type UploadFile } from 'antd';
import { useState } from 'react';
import { client, unwrap, type PathWith, type ResponseOf } from '../../api';
import { useApiErrorHandler } from '../../errors';
import { postForm } from './common';
import { SUP_KEYS } from './SupervisionPage';

const CASE = { changes: '/api/v1/changes/{id}', revocations: '/api/v1/revocations/{id}' } as const;
type Kind = keyof typeof CASE;
type CaseOf<K extends Kind> = ResponseOf<(typeof CASE)[K]>;
type ActionPath<K extends Kind> = Extract<PathWith<'post'>, `/api/v1/${K}/{id}/${string}`>;
/** The actions on a case: POST /api/v1/<kind>/{id}/<action>. */
export type CaseAction<K extends Kind> = ActionPath<K> extends `/api/v1/${K}/{id}/${infer A}` ? A : never;

/**
 * One change request or revocation case with its action form: loads `/<kind>/<id>`, and `act` posts an action
 * (`/<kind>/<id>/<action>`, JSON or multipart with the picked files), then shows the answer and refreshes the lists.
 */
export function useCaseDetail<K extends Kind>(kind: K, id: string) {
  const qc = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const key = [...SUP_KEYS[kind], id];
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => unwrap(client.GET(CASE[kind] as (typeof CASE)[Kind], { params: { path: { id } }, signal })) as Promise<CaseOf<K>>,
  });
  const act = useMutation({
    mutationFn: (a: { path: CaseAction<K>; body: Record<string, unknown>; multipart?: boolean }) => {
      const path = `/api/v1/${kind}/{id}/${a.path}` as ActionPath<Kind>;
      // the body comes from the action's form; the server validates it
      const answer = a.multipart ? postForm(path, { id }, a.body, files) : unwrap(client.POST(path, { params: { path: { id } }, body: a.body as never }));
      return answer as Promise<CaseOf<K>>;
    },
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
