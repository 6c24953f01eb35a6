import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError, type ApiErrorDetail } from './api';
import { LOCALE_TRAITS, bilingual, translate, useLocale, type Locale } from './i18n';

/** Message of an unknown error in the UI language. */
export function errorText(err: unknown, locale: Locale): string {
  if (err instanceof ApiError) return err.localized(locale);
  return translate(locale, 'common.unknownError');
}

function detailText(d: ApiErrorDetail, locale: Locale): string {
  const zh = typeof d.message === 'string' ? d.message : '';
  const en = typeof d.messageEn === 'string' ? d.messageEn : '';
  return (bilingual(locale, zh || en, en || zh)) || translate(locale, 'common.unknownError');
}

/** "body.contactEmail", "/contactEmail", ["contactEmail"] → "contactEmail". */
export function fieldNameOf(field: unknown): string | null {
  let path: string[];
  if (Array.isArray(field)) path = field.map(String);
  else if (typeof field === 'string') path = field.split(/[./]/).filter(Boolean);
  else return null;
  if (path[0] === 'body' || path[0] === 'query' || path[0] === 'params') path = path.slice(1);
  return path[0] ?? null;
}

/**
 * Puts validation details onto the form fields they name. Returns the details
 * that matched no field (to be shown some other way).
 */
export function applyFieldErrors(form: FormInstance, err: ApiError, locale: Locale): ApiErrorDetail[] {
  const registered = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  const rest: ApiErrorDetail[] = [];
  for (const d of err.fieldDetails) {
    const name = fieldNameOf(d.field);
    if (name && registered.has(name)) {
      const list = byField.get(name) ?? [];
      list.push(detailText(d, locale));
      byField.set(name, list);
    } else {
      rest.push(d);
    }
  }
  if (byField.size > 0) {
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    const first = byField.keys().next().value;
    if (first) form.scrollToField(first, { block: 'center' });
  }
  return rest;
}

/**
 * `const onError = useApiErrorHandler(); ... catch (e) { onError(e, form) }`
 * Shows the server's message in the UI language; for 400 validation errors the
 * field details go onto the form.
 */
export function useApiErrorHandler(): (err: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  const { locale } = useLocale();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (err instanceof ApiError) {
        if (err.status === 401 && err.code !== 'INVALID_CREDENTIALS') return; // redirected to /login
        if (form && (err.status === 400 || err.status === 422 || err.status === 409) && err.fieldDetails.length > 0) {
          const rest = applyFieldErrors(form, err, locale);
          // Every detail now sits under its field: no toast needed.
          if (rest.length === 0) return;
          message.error(rest.map((d) => detailText(d, locale)).join(LOCALE_TRAITS[locale].clauseSep) || err.localized(locale));
          return;
        }
        // The server's message already names the failing fields.
        message.error(err.localized(locale));
        return;
      }
      if ((err as { name?: string })?.name === 'ValidateError' || (err as { errorFields?: unknown })?.errorFields) {
        return; // antd form validation already shows its messages
      }
      console.error(err);
      message.error(translate(locale, 'common.unknownError'));
    },
    [message, locale],
  );
}
