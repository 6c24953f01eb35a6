import { describe, expect, it } from 'vitest';
import { allowedActions, authorize, can, definePolicy, deny } from '../../src/server/platform/authorize.js';
import { DomainError } from '../../src/server/platform/errors.js';
import type { Principal } from '../../src/server/platform/principal.js';

const user = (role: Extract<Principal, { kind: 'user' }>['role'], enterpriseId: string | null): Principal => ({
  kind: 'user', userId: 'u', username: 'u', role, enterpriseId, authorityId: null, expertId: null, mustChangePassword: false, sessionTokenHash: null,
});

interface Thing { enterpriseId: string; published: boolean }
const thingPolicy = definePolicy<Thing>()(
  'thing',
  {
    read: (p, t) => p.enterpriseId === t.enterpriseId,
    edit: (p, t) => p.enterpriseId === t.enterpriseId,
    remove: (p, t) => (p.role === 'enterprise_admin' && p.enterpriseId === t.enterpriseId) || deny('只有企业管理员可以删除', 'Only the enterprise admin may delete', 'ADMIN_ONLY'),
  },
  { hidden: ['read', 'edit'], public: { read: (t) => t.published }, objectName: ['物品', 'Thing'] },
);

const mine: Thing = { enterpriseId: 'e1', published: false };
const staff = user('enterprise_staff', 'e1');

describe('declarative authorization', () => {
  it('allows by rule and lists allowed actions in declaration order', () => {
    expect(allowedActions(staff, thingPolicy, mine)).toEqual(['read', 'edit']);
    expect(allowedActions(user('enterprise_admin', 'e1'), thingPolicy, mine)).toEqual(['read', 'edit', 'remove']);
  });

  it('limits the listed actions to those asked for, keeping the declaration order', () => {
    const admin = user('enterprise_admin', 'e1');
    expect(allowedActions(admin, thingPolicy, mine, ['remove', 'edit'])).toEqual(['edit', 'remove']);
    expect(allowedActions(staff, thingPolicy, mine, ['remove'])).toEqual([]);
  });

  it('hides objects a caller may not read (404) and names the reason of a visible denial (403)', () => {
    const foreign = user('enterprise_admin', 'e2');
    expect(() => authorize(foreign, thingPolicy, 'read', mine)).toThrow(expect.objectContaining({ status: 404, code: 'NOT_FOUND' }));
    try {
      authorize(staff, thingPolicy, 'remove', mine);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e).toMatchObject({ status: 403, code: 'ADMIN_ONLY', messageEn: 'Only the enterprise admin may delete' });
    }
  });

  it('refuses anonymous callers unless the action is public for that subject', () => {
    expect(can(null, thingPolicy, 'read', { ...mine, published: true })).toBe(true);
    expect(can(null, thingPolicy, 'read', mine)).toBe(false);
    expect(can(null, thingPolicy, 'edit', { ...mine, published: true })).toBe(false);
  });

  it('denies an action without a rule', () => {
    expect(can(staff, thingPolicy, 'archive' as never, mine)).toBe(false);
  });
});
