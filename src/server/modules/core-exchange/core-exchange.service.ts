import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/principal.js';
import type { NotificationService } from '../notifications/notifications.service.js';
import { createMatchUseCases } from './core-exchange.matches.js';
import { createPostingUseCases } from './core-exchange.postings.js';
import { createDocumentUseCases } from './core-exchange.documents.js';
import { partyIdOf, type PartyNames } from './core-exchange.presenter.js';
import type { PostingRow } from './core-exchange.repo.js';
import type { CoreTransferRecord, CoreTransferRecorded } from '../../../domain/trading/core-exchange.js';

/** What the core exchange records in the traces (trace module's `recordCoreExchange`, wired in app.ts). */
export interface CoreTransferRecorder {
  recordCoreExchange(
    tx: Db,
    ctx: RequestContext,
    input: CoreTransferRecord,
  ): Promise<CoreTransferRecorded>;
  /** a supplying enterprise's named cores as EPCs, checked in its trace (400 naming `field.i`, 409 shipped/disassembled) */
  coresToShip(tx: Db, enterpriseId: string, codes: readonly string[], field: string): Promise<string[]>;
}

/** What the core exchange uses of other modules (wired in app.ts). */
export interface CoreExchangeDeps {
  db: Db;
  clock: Clock;
  notifications: NotificationService;
  enterprises: { names(ids: string[]): Promise<Map<string, string>> };
  /** registered organisations (buyers module): recyclers and dealers */
  orgs: { names(ids: string[]): Promise<Map<string, string>> };
  trace: CoreTransferRecorder;
  /** the platform's file store (files module): content- and size-checked, by SHA-256 */
  files: DocumentStore;
}

/** What the core exchange uses of the file store for the declarations' supporting documents. */
export interface DocumentStore {
  store(buf: Buffer, tx?: Db): Promise<{ sha256: string; mime: string; size: number }>;
  get(sha256: string): Promise<{ data: Buffer; mime: string } | undefined>;
}

/** One lookup of the names of the parties of some postings (enterprises and organisations). */
export async function partyNames(deps: Pick<CoreExchangeDeps, 'enterprises' | 'orgs'>, rows: readonly PostingRow[]): Promise<PartyNames> {
  const e = [...new Set(rows.flatMap((r) => (r.enterprise_id ? [r.enterprise_id] : [])))];
  const o = [...new Set(rows.flatMap((r) => (r.buyer_org_id ? [r.buyer_org_id] : [])))];
  const [en, on] = await Promise.all([e.length ? deps.enterprises.names(e) : new Map<string, string>(), o.length ? deps.orgs.names(o) : new Map<string, string>()]);
  return (id: string) => en.get(id) ?? on.get(id) ?? '';
}
export { partyIdOf };

/**
 * 旧件交易 core exchange (issue 13, docs/trading.md "Core exchange"): postings of supply and demand, suggestions by
 * the domain rules (domain/trading/core-exchange.ts), matches proposed by one side and accepted by the other — the
 * accepted transfer is recorded in both traces with the supplier's source attestation. Use cases one per file.
 */
export function createCoreExchangeService(deps: CoreExchangeDeps) {
  return { ...createPostingUseCases(deps), ...createMatchUseCases(deps), ...createDocumentUseCases(deps) };
}
export type CoreExchangeService = ReturnType<typeof createCoreExchangeService>;
