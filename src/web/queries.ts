import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, unwrap, type QueryOf } from './api';
import { LOCALE_TRAITS, bilingual, useLocale } from './i18n';

/** Query keys in one place so mutations can invalidate precisely. */
export const qk = {
  authorities: ['authorities'] as const,
  enterprises: (params: Record<string, unknown>) => ['enterprises', 'list', params] as const,
  enterprisesAll: ['enterprises'] as const,
  enterprise: (id: string) => ['enterprises', 'one', id] as const,
  sites: (enterpriseId: string) => ['enterprises', 'sites', enterpriseId] as const,
  stats: ['enterprises', 'stats', 'by-region'] as const,
  users: (params: Record<string, unknown>) => ['users', params] as const,
  usersAll: ['users'] as const,
  tokens: ['tokens'] as const,
  experts: ['experts'] as const,
  audit: (params: Record<string, unknown>) => ['audit', params] as const,
  applicationsAll: ['applications'] as const,
  applications: (params: Record<string, unknown>) => ['applications', 'list', params] as const,
  application: (id: string) => ['applications', 'one', id] as const,
  todos: ['todos'] as const,
  notifications: ['notifications'] as const,
  noticesAll: ['notices'] as const,
  notice: (id: string) => ['notices', 'one', id] as const,
  announcements: ['announcements'] as const,
  publicNotices: ['public', 'notices'] as const,
  publicAnnouncements: ['public', 'announcements'] as const,
  publicAnnounced: (params: Record<string, unknown>) => ['public', 'announced', params] as const,
};

/** After any step of the 规范公告 procedure: lists, to-dos and notifications may all have changed. */
export const WORKFLOW_KEYS = [['applications'], ['todos'], ['notifications'], ['notices'], ['announcements'], ['public']] as const;

export function useAuthorities(enabled = true) {
  return useQuery({
    queryKey: qk.authorities,
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/authorities', { signal })),
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: qk.enterprise(id ?? ''),
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/enterprises/{id}', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
  });
}

export function useSites(enterpriseId: string | undefined) {
  return useQuery({
    queryKey: qk.sites(enterpriseId ?? ''),
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/enterprises/{id}/sites', { params: { path: { id: enterpriseId! } }, signal })),
    enabled: !!enterpriseId,
  });
}

export type EnterpriseListParams = QueryOf<'/api/v1/enterprises'> & { page: number; pageSize: number };

export function useEnterpriseList(params: EnterpriseListParams, enabled = true) {
  return useQuery({
    queryKey: qk.enterprises({ ...params }),
    queryFn: ({ signal }) => unwrap(client.GET('/api/v1/enterprises', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Authority name in the UI language (the API's enterprise.authority carries only the Chinese name). */
export function useAuthorityName(): (ref: { id: string; name: string } | null | undefined) => string {
  const { locale } = useLocale();
  // the English names are fetched only when the page is in English (the API's reference carries the Chinese name)
  const authorities = useAuthorities(LOCALE_TRAITS[locale].english);
  return (ref) => {
    if (!ref) return '—';
    return bilingual(locale, ref.name, authorities.data?.items.find((x) => x.id === ref.id)?.nameEn);
  };
}
