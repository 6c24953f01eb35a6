/**
 * What a lifecycle step may do to an object, decided from the object's recorded history (issue 10 §1: the state a
 * step decides on is read inside its transaction, under the enterprise's stream lock, so that N identical concurrent
 * steps cannot all pass). Pure: the history is read by the caller (trace.repo.ts `objectHistory`).
 *
 * A traced object's history, as far as these rules need it (times are event times; erroneous events excluded):
 *  - `disassembledAt`  the last disassembly that took it apart as a core (it was the input of a disassembly);
 *  - `consumedAt`      the last time it went into a product (an input of a reassembly);
 *  - `releasedAt`      the last time it came out of a core (an output of a disassembly).
 *
 * Rules (《机电产品再制造行业规范条件》(2024) 四(三) asks for a 生产管理台账 in which each core, part and product is
 * one record: a unit cannot be taken apart twice, nor built into two products at once):
 *  - a core is disassembled once — again only after it came out of another product's disassembly since
 *    (a unit reused whole in a later life);
 *  - a part (or a product used whole) goes into one product — again only after it came out of that product's
 *    disassembly (its next life).
 */

export interface ObjectHistory {
  disassembledAt: Date | null;
  consumedAt: Date | null;
  releasedAt: Date | null;
}

export const NO_HISTORY: ObjectHistory = { disassembledAt: null, consumedAt: null, releasedAt: null };

const after = (a: Date | null, b: Date | null) => !!a && (!b || a.getTime() > b.getTime());

/** May the object be disassembled (as a core) now? */
export function mayDisassemble(h: ObjectHistory): boolean {
  return !h.disassembledAt || after(h.releasedAt, h.disassembledAt);
}

/** May the object go into a new product now? */
export function mayConsume(h: ObjectHistory): boolean {
  return !h.consumedAt || after(h.releasedAt, h.consumedAt);
}
