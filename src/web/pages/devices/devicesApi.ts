/** Wire types (aliases of the generated OpenAPI types) and calls of the devices API (docs/monitoring.md), for the device pages. */
import type { components } from '../../api/schema.gen';
import { API_BASE, client, unwrap, upload, type BodyOf, type QueryOf } from '../../api';

type Schemas = components['schemas'];
export type Device = Schemas['Device'];
export type DeviceDetail = Schemas['DeviceDetail'];
export type DeviceHealth = Schemas['DeviceHealth'];
export type Fleet = Schemas['DeviceFleet'];
export type Credentials = Schemas['DeviceCredentials'];
export type TelemetrySeries = Schemas['TelemetrySeries'];
export type BulkProvisioned = Schemas['BulkProvisioned'];
/** the bulk-provisioning template (.xlsx), downloaded with the session cookie */
export const bulkTemplateUrl = `${API_BASE}/devices/bulk/template`;

const id = (deviceId: string) => ({ params: { path: { id: deviceId } } });

export const devicesApi = {
  list: (query: QueryOf<'/api/v1/devices'>, signal?: AbortSignal) => unwrap(client.GET('/api/v1/devices', { params: { query }, signal })),
  detail: (deviceId: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/devices/{id}', { ...id(deviceId), signal })),
  health: (deviceId: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/devices/{id}/health', { ...id(deviceId), signal })),
  latest: (deviceId: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/devices/{id}/latest', { ...id(deviceId), signal })),
  telemetry: (deviceId: string, query: QueryOf<'/api/v1/devices/{id}/telemetry'>, signal?: AbortSignal) =>
    unwrap(client.GET('/api/v1/devices/{id}/telemetry', { params: { path: { id: deviceId }, query }, signal })),
  summary: (signal?: AbortSignal) => unwrap(client.GET('/api/v1/devices/summary', { signal })),
  fleet: (query: QueryOf<'/api/v1/devices/fleet'>, signal?: AbortSignal) => unwrap(client.GET('/api/v1/devices/fleet', { params: { query }, signal })),
  provision: (body: { productCode: string; name?: string; regionCode?: string }) => unwrap(client.POST('/api/v1/devices', { body })),
  provisionFile: (file: File) => {
    const fd = new FormData();
    fd.append('file', file, file.name);
    return upload('/api/v1/devices/bulk', {}, fd);
  },
  rotate: (deviceId: string) => unwrap(client.POST('/api/v1/devices/{id}/credentials', id(deviceId))),
  revoke: (deviceId: string) => unwrap(client.POST('/api/v1/devices/{id}/revoke', id(deviceId))),
  consent: (deviceId: string, manufacturerAccess: boolean) => unwrap(client.POST('/api/v1/devices/{id}/consent', { ...id(deviceId), body: { manufacturerAccess } })),
};

// ---- 远程诊断 remote commands (docs/monitoring.md "Remote commands")
export type DeviceCommand = Schemas['DeviceCommand'];
type CommandBody = BodyOf<'/api/v1/devices/{id}/commands', 'post'>;
export const commandsApi = {
  methods: (deviceId: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/devices/{id}/commands/methods', { ...id(deviceId), signal })),
  list: (deviceId: string, query: QueryOf<'/api/v1/devices/{id}/commands'>, signal?: AbortSignal) =>
    unwrap(client.GET('/api/v1/devices/{id}/commands', { params: { path: { id: deviceId }, query }, signal })),
  send: (deviceId: string, body: CommandBody) => unwrap(client.POST('/api/v1/devices/{id}/commands', { ...id(deviceId), body })),
  sendFromCase: (caseId: string, body: CommandBody) => unwrap(client.POST('/api/v1/cases/{id}/commands', { params: { path: { id: caseId } }, body })),
};

/** The live stream (Server-Sent Events; the session cookie authenticates it). */
export const streamUrl = (deviceId: string) => `${API_BASE}/devices/${encodeURIComponent(deviceId)}/stream`;

// ---- alarms (docs/monitoring-alarms.md): the alarm console and the device page
export type Alarm = Schemas['Alarm'];
const alarmId = (id: string) => ({ params: { path: { id } } });
export const alarmsApi = {
  list: (query: QueryOf<'/api/v1/alarms'>, signal?: AbortSignal) => unwrap(client.GET('/api/v1/alarms', { params: { query }, signal })),
  detail: (id: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/alarms/{id}', { ...alarmId(id), signal })),
  acknowledge: (id: string) => unwrap(client.POST('/api/v1/alarms/{id}/ack', alarmId(id))),
  clear: (id: string) => unwrap(client.POST('/api/v1/alarms/{id}/clear', alarmId(id))),
  assign: (id: string, userId: string | null) => unwrap(client.POST('/api/v1/alarms/{id}/assign', { ...alarmId(id), body: { userId } })),
  comment: (id: string, text: string) => unwrap(client.POST('/api/v1/alarms/{id}/comments', { ...alarmId(id), body: { text } })),
  users: (signal?: AbortSignal) => unwrap(client.GET('/api/v1/users', { params: { query: { page: 1, pageSize: 200 } }, signal })),
};

// ---- cases (工单, docs/monitoring-cases.md)
export type ServiceCase = Schemas['ServiceCase'];
export type ServiceCaseDetail = Schemas['ServiceCaseDetail'];
export type CaseStatistics = Schemas['CaseStatistics'];
type CaseBody<P extends '/api/v1/cases/{id}/diagnosis' | '/api/v1/cases/{id}/visit' | '/api/v1/cases/{id}/parts' | '/api/v1/cases/{id}/claim' | '/api/v1/cases/{id}/conclusion' | '/api/v1/cases/{id}/rating'> = BodyOf<P, 'post'>;
export const casesApi = {
  list: (query: QueryOf<'/api/v1/cases'>, signal?: AbortSignal) => unwrap(client.GET('/api/v1/cases', { params: { query }, signal })),
  detail: (id: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/cases/{id}', { ...alarmId(id), signal })),
  statistics: (signal?: AbortSignal) => unwrap(client.GET('/api/v1/cases/statistics', { params: { query: {} }, signal })),
  open: (body: BodyOf<'/api/v1/cases', 'post'>) => unwrap(client.POST('/api/v1/cases', { body })),
  diagnose: (id: string, body: CaseBody<'/api/v1/cases/{id}/diagnosis'>) => unwrap(client.POST('/api/v1/cases/{id}/diagnosis', { ...alarmId(id), body })),
  visit: (id: string, body: CaseBody<'/api/v1/cases/{id}/visit'>) => unwrap(client.POST('/api/v1/cases/{id}/visit', { ...alarmId(id), body })),
  parts: (id: string, body: CaseBody<'/api/v1/cases/{id}/parts'>) => unwrap(client.POST('/api/v1/cases/{id}/parts', { ...alarmId(id), body })),
  claim: (id: string, body: CaseBody<'/api/v1/cases/{id}/claim'>) => unwrap(client.POST('/api/v1/cases/{id}/claim', { ...alarmId(id), body })),
  conclude: (id: string, body: CaseBody<'/api/v1/cases/{id}/conclusion'>) => unwrap(client.POST('/api/v1/cases/{id}/conclusion', { ...alarmId(id), body })),
  rate: (id: string, body: CaseBody<'/api/v1/cases/{id}/rating'>) => unwrap(client.POST('/api/v1/cases/{id}/rating', { ...alarmId(id), body })),
};
