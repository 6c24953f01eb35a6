import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useBlocker, type Location } from 'react-router-dom';
import { useT } from '../i18n';

/**
 * Unsaved edits are never lost silently (docs/ux.md): while `dirty`, leaving the page through the side menu, 返回,
 * a notification or any other link asks first (the data router's navigation blocker), and closing or reloading the
 * tab lets the browser ask (`beforeunload`).
 *
 * `scope`: 'path' blocks only a change of pathname (tabs kept in the query string switch freely); 'location' also
 * blocks a change of the query string (the trace step forms: another step is another form).
 * Returns `release()`: call it right before a navigation that follows a successful save in the same tick.
 */
export function useLeaveGuard(dirty: boolean, scope: 'path' | 'location' = 'path'): { release: () => void } {
  const t = useT();
  const { modal } = App.useApp();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const should = useCallback(
    ({ currentLocation: a, nextLocation: b }: { currentLocation: Location; nextLocation: Location }) =>
      dirtyRef.current && (a.pathname !== b.pathname || (scope === 'location' && a.search !== b.search)),
    [scope],
  );
  const blocker = useBlocker(should);
  const blockerRef = useRef(blocker);
  blockerRef.current = blocker;

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const m = modal.confirm({
      title: t('leave.title'),
      content: <div data-testid="leave-consequence">{t('leave.content')}</div>,
      okText: t('leave.discard'),
      cancelText: t('leave.stay'),
      okButtonProps: { danger: true, 'data-testid': 'leave-discard' } as never,
      cancelButtonProps: { 'data-testid': 'leave-stay' } as never,
      onOk: () => blockerRef.current.proceed?.(),
      onCancel: () => blockerRef.current.reset?.(),
    });
    return () => m.destroy();
  }, [blocker.state, modal, t]);

  useEffect(() => {
    if (!dirty) return;
    const h = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [dirty]);

  return { release: useCallback(() => void (dirtyRef.current = false), []) };
}
