/**
 * What a product code means once its unit has moved on (issue 10 §5 "genealogy semantics").
 *
 * A remanufactured product is one physical unit in one life. When the unit comes back as a core and is
 * disassembled, or its parts (or the unit itself) go into a new product, the unit is no longer in circulation
 * under the old code: the new product — with its own code, label and rates — is what circulates. If the old
 * code kept verifying as 「正品 · 编码有效」, an old label taken off a third-life engine and stuck on another unit
 * would pass a scan. So:
 *
 *  - `revoked`      the enterprise revoked the code (or the reassembly that made it was declared erroneous): the
 *                   code itself is void, whatever happened to the unit — checked first;
 *  - `superseded`   the unit went into a later product (its successor: the first product made after it whose life
 *                   cores include its EPC — the core it came back as, or a direct input): 「已再制造为 RM…」 with a
 *                   link to the successor's own verification;
 *  - `disassembled` the unit came back as a core and was disassembled, and no product has been made of it yet
 *                   (or ever will: scrapped parts): 「已拆解」;
 *  - `recalled`     recalled by the enterprise while still in circulation;
 *  - `issued`       genuine: the only status that verifies as 「正品 · 编码有效」.
 */

export const PUBLIC_STATUSES = ['issued', 'recalled', 'revoked', 'superseded', 'disassembled'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

export interface UnitState {
  /** the stored status: recall and revocation, as set by events */
  status: 'issued' | 'recalled' | 'revoked';
  successorCode: string | null;
  disassembledAt: string | Date | null;
}

/** The one status a code verifies as (precedence: revoked > superseded > disassembled > recalled > issued). */
export function publicStatus(u: UnitState): PublicStatus {
  if (u.status === 'revoked') return 'revoked';
  if (u.successorCode) return 'superseded';
  if (u.disassembledAt) return 'disassembled';
  return u.status;
}

export function publicStatusLabel(status: PublicStatus, successorCode: string | null): { zh: string; en: string } {
  switch (status) {
    case 'issued':
      return { zh: '正品（已发码）', en: 'Genuine (issued)' };
    case 'recalled':
      return { zh: '已召回', en: 'Recalled' };
    case 'revoked':
      return { zh: '编码已作废', en: 'Code revoked' };
    case 'superseded':
      return { zh: `已再制造为 ${successorCode ?? ''}`.trim(), en: `Remanufactured into ${successorCode ?? 'a new product'}` };
    case 'disassembled':
      return { zh: '已拆解', en: 'Disassembled' };
  }
}

/**
 * The unit's current code: follow successors to the last life (a recall names each physical unit once, under
 * the code its label carries now). Stops on a cycle (it cannot happen through the projector: a successor is
 * always made later).
 */
export function currentCode(code: string, successorOf: (code: string) => string | null | undefined): string {
  const seen = new Set([code]);
  let c = code;
  for (;;) {
    const next = successorOf(c);
    if (!next || seen.has(next)) return c;
    seen.add(next);
    c = next;
  }
}

/**
 * Status changes are idempotent (issue 10 §6): recalling a product that is already recalled, or revoking a
 * revoked code, changes nothing — no second event, no second 召回 on the public page.
 */
export function statusChangeNeeded(current: UnitState['status'], requested: 'recalled' | 'revoked'): boolean {
  return current !== requested;
}

/** Step kinds that set a status: shown once on the public timeline even if an MES sent the same change twice. */
const STATUS_STEP_KINDS = new Set(['recall', 'revocation']);

/** The public timeline: [day, kind] pairs in time order, each status-setting kind kept at its first occurrence. */
export function publicTimeline(steps: readonly (readonly [string, string])[]): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const [day, kind] of steps) {
    if (STATUS_STEP_KINDS.has(kind)) {
      if (seen.has(kind)) continue;
      seen.add(kind);
    }
    out.push([day, kind]);
  }
  return out;
}
