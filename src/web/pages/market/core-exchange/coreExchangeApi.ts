/** Wire types (the generated OpenAPI types) and calls of the core exchange API (docs/trading.md "Core exchange"). */
import { client, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../api';

export type Posting = ResponseOf<'/api/v1/core-exchange/postings/{id}'>;
export type PostingQuery = QueryOf<'/api/v1/core-exchange/postings'>;
export type PostBody = BodyOf<'/api/v1/core-exchange/postings', 'post'>;
export type Suggestion = ResponseOf<'/api/v1/core-exchange/postings/{id}/suggestions'>['items'][number];
export type Match = ResponseOf<'/api/v1/core-exchange/matches/{id}'>;
export type MatchQuery = QueryOf<'/api/v1/core-exchange/matches'>;
export type ProposeBody = BodyOf<'/api/v1/core-exchange/matches', 'post'>;
export type Attestation = NonNullable<ProposeBody['attestation']>;

/** The few fields of a trace event (EPCIS 2.0 JSON-LD, the reman: extensions) the match page shows. */
export interface TraceEvent {
  eventID: string;
  eventTime: string;
  bizStep?: string;
  action?: string;
  epcList?: string[];
  quantityList?: { epcClass: string; quantity: number }[];
  'reman:name'?: string;
  'reman:model'?: string;
  'reman:grade'?: string;
  'reman:source'?: { returnedBy?: string; channel?: string };
  'reman:destinationName'?: string;
  'reman:attestation'?: { statement?: string; document?: string | null; partyName?: string };
  'reman:partyNames'?: Record<string, string>;
  sourceList?: { type: string; source: string }[];
}

const p = (id: string) => ({ params: { path: { id } } });

export const coreApi = {
  postings: (query: PostingQuery, signal?: AbortSignal) => unwrap(client.GET('/api/v1/core-exchange/postings', { params: { query }, signal })),
  posting: (id: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/core-exchange/postings/{id}', { ...p(id), signal })),
  post: (body: PostBody) => unwrap(client.POST('/api/v1/core-exchange/postings', { body })),
  withdraw: (id: string) => unwrap(client.POST('/api/v1/core-exchange/postings/{id}/withdraw', p(id))),
  suggestions: (id: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/core-exchange/postings/{id}/suggestions', { ...p(id), signal })),
  matches: (query: MatchQuery, signal?: AbortSignal) => unwrap(client.GET('/api/v1/core-exchange/matches', { params: { query }, signal })),
  match: (id: string, signal?: AbortSignal) => unwrap(client.GET('/api/v1/core-exchange/matches/{id}', { ...p(id), signal })),
  propose: (body: ProposeBody) => unwrap(client.POST('/api/v1/core-exchange/matches', { body })),
  accept: (id: string, attestation?: Attestation) => unwrap(client.POST('/api/v1/core-exchange/matches/{id}/accept', { ...p(id), body: attestation ? { attestation } : {} })),
  decline: (id: string, reason?: string) => unwrap(client.POST('/api/v1/core-exchange/matches/{id}/decline', { ...p(id), body: reason ? { reason } : {} })),
  /** one event of the caller's own trace (its EPCIS stream) */
  event: async (eventID: string, signal?: AbortSignal) => {
    // the answer is an EPCIS query document holding the one event
    const doc = (await unwrap(client.GET('/epcis/events/{eventID}', { params: { path: { eventID } }, signal }))) as unknown as { epcisBody?: { queryResults?: { resultsBody?: { eventList?: TraceEvent[] } } } };
    const ev = doc.epcisBody?.queryResults?.resultsBody?.eventList?.[0];
    if (!ev) throw new Error(`event ${eventID} not in the answer`);
    return ev;
  },
};

export const coreKeys = {
  all: ['core-exchange'] as const,
  postings: (q: Record<string, unknown>) => ['core-exchange', 'postings', q] as const,
  posting: (id: string) => ['core-exchange', 'posting', id] as const,
  suggestions: (id: string) => ['core-exchange', 'suggestions', id] as const,
  matches: (q: Record<string, unknown>) => ['core-exchange', 'matches', q] as const,
  match: (id: string) => ['core-exchange', 'match', id] as const,
  event: (id: string) => ['core-exchange', 'event', id] as const,
};

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const POSTING_STATUS_COLOR = { open: 'green', filled: 'purple', withdrawn: 'default' } as const;
export const MATCH_STATUS_COLOR = { proposed: 'blue', accepted: 'green', declined: 'default' } as const;
