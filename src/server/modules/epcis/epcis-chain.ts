import { chainHash, contentHash, EVENT_CHAIN_GENESIS } from '../../../domain/epcis/chain.js';
import type { Db } from '../../db/client.js';
import { epcisRepo } from './epcis.repo.js';

export interface EventChainReport {
  ok: boolean;
  /** rows checked */
  events: number;
  /** enterprise streams checked */
  streams: number;
  /** the first row whose content, link or position does not match, or null */
  firstBrokenAt: { enterpriseId: string; seq: number } | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Recompute every enterprise's EPCIS event chain (see src/domain/epcis/chain.ts) in (enterprise, seq)
 * order, paged: each row's document digest, its link to the previous row (GENESIS for seq 1), the gap-free
 * sequence and its own hash. Detects edited, inserted or removed rows inside a stream; a removed TAIL is
 * only visible against an earlier report's counts (documented in docs/epcis.md).
 */
export async function verifyEventChains(db: Db, pageSize = 2000): Promise<EventChainReport> {
  let after: { enterpriseId: string; seq: number } | null = null;
  let currentEnterprise: string | null = null;
  let prev = EVENT_CHAIN_GENESIS;
  let expectedSeq = 1;
  let events = 0;
  let streams = 0;
  let firstBrokenAt: EventChainReport['firstBrokenAt'] = null;
  for (;;) {
    const rows = await epcisRepo.chainPage(db, after, pageSize);
    if (!rows.length) break;
    for (const r of rows) {
      if (r.enterpriseId !== currentEnterprise) {
        currentEnterprise = r.enterpriseId;
        prev = EVENT_CHAIN_GENESIS;
        expectedSeq = 1;
        streams++;
      }
      events++;
      const digest = contentHash(r.document);
      const hash = chainHash({
        enterpriseId: r.enterpriseId, seq: r.seq, eventId: r.eventId, isDeclaration: r.isDeclaration, eventType: r.eventType,
        eventTime: r.eventTime.toISOString(), eventTimeZoneOffset: r.eventTimeZoneOffset, recordTime: r.recordTime.toISOString(), action: r.action,
        bizStep: r.bizStep, disposition: r.disposition, readPoint: r.readPoint, bizLocation: r.bizLocation, transformationId: r.transformationId,
        declarationTime: iso(r.declarationTime), captureId: r.captureId, contentHash: r.contentHash.trim(), docContext: r.docContext ?? null, prevHash: r.prevHash.trim(),
      });
      if (firstBrokenAt === null && (r.seq !== expectedSeq || r.prevHash.trim() !== prev || digest !== r.contentHash.trim() || hash !== r.hash.trim())) {
        firstBrokenAt = { enterpriseId: r.enterpriseId, seq: r.seq };
      }
      prev = r.hash.trim();
      expectedSeq = r.seq + 1;
      after = { enterpriseId: r.enterpriseId, seq: r.seq };
    }
  }
  return { ok: firstBrokenAt === null, events, streams, firstBrokenAt };
}
