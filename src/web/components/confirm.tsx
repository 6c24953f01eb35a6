import { App, type FormInstance } from 'antd';
import { useCallback, type ReactNode } from 'react';
import { useT } from '../i18n';

/**
 * The one way the web app asks before an irreversible or public action (docs/ux.md): the title names the action,
 * `consequence` says what happens and to whom (published at once, locks re-application for two years, …), the OK
 * button repeats the action's own words (never a bare 确定) and is red when the action cannot be undone.
 * `onOk` runs while the dialog shows a spinner; a rejection (already shown by the caller's error handler) keeps
 * the page as it was and never becomes an uncaught promise error.
 */
export interface ConfirmOptions {
  title: ReactNode;
  consequence: ReactNode;
  okText: string;
  /** red OK button: the action cannot be undone or hurts someone (reject, revoke, delete) */
  danger?: boolean;
  /** data-testid of the OK button (default "confirm-ok") */
  testId?: string;
  onOk: () => unknown;
}

export function useConfirm(): (o: ConfirmOptions) => void {
  const { modal } = App.useApp();
  const t = useT();
  return useCallback(
    (o: ConfirmOptions) => {
      modal.confirm({
        title: o.title,
        content: <div data-testid="confirm-consequence">{o.consequence}</div>,
        okText: o.okText,
        cancelText: t('common.cancel'),
        okButtonProps: { danger: o.danger, 'data-testid': o.testId ?? 'confirm-ok' } as never,
        cancelButtonProps: { 'data-testid': 'confirm-cancel' } as never,
        onOk: async () => {
          try {
            await o.onOk();
          } catch {
            // the caller's error handler has shown why; keep the page as it was
          }
        },
      });
    },
    [modal, t],
  );
}

/** True for the rejection of antd's `form.validateFields()` (the fields already show their messages). */
export function isValidationRejection(e: unknown): e is { errorFields: { name: (string | number)[] }[] } {
  return typeof e === 'object' && e !== null && Array.isArray((e as { errorFields?: unknown }).errorFields);
}

/**
 * `form.validateFields()` that never leaves an uncaught promise error: resolves the values, or null when a field
 * is invalid (antd has marked it; the first one is scrolled into view). Other errors are rethrown.
 */
export async function validated<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch (e) {
    if (!isValidationRejection(e)) throw e;
    const first = e.errorFields[0];
    if (first) form.scrollToField(first.name, { block: 'center' });
    return null;
  }
}
