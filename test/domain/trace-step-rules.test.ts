import { describe, expect, it } from 'vitest';
import { mayConsume, mayDisassemble, NO_HISTORY } from '../../src/domain/trace/step-rules.js';

const d = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('trace step rules', () => {
  it('a core is disassembled once, again only after it came out of a later disassembly', () => {
    expect(mayDisassemble(NO_HISTORY)).toBe(true);
    expect(mayDisassemble({ ...NO_HISTORY, disassembledAt: d(2) })).toBe(false);
    expect(mayDisassemble({ ...NO_HISTORY, disassembledAt: d(2), releasedAt: d(1) })).toBe(false);
    expect(mayDisassemble({ ...NO_HISTORY, disassembledAt: d(2), releasedAt: d(3) })).toBe(true);
  });
  it('a part goes into one product, again only after it came out of that product', () => {
    expect(mayConsume(NO_HISTORY)).toBe(true);
    expect(mayConsume({ ...NO_HISTORY, releasedAt: d(1) })).toBe(true);
    expect(mayConsume({ ...NO_HISTORY, releasedAt: d(1), consumedAt: d(2) })).toBe(false);
    expect(mayConsume({ ...NO_HISTORY, releasedAt: d(2), consumedAt: d(2) })).toBe(false);
    expect(mayConsume({ ...NO_HISTORY, releasedAt: d(3), consumedAt: d(2) })).toBe(true);
  });
});
