import { randomUUID } from 'node:crypto';
import { validateCreditCode } from '../../../domain/credit-code.js';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { authorize } from '../../platform/authorize.js';
import { errors } from '../../platform/errors.js';
import type { Principal, RequestContext } from '../../platform/principal.js';
import type { Page } from '../../platform/paging.js';
import type { IdentityService } from '../identity/identity.service.js';
import { organisationDirectoryPolicy, organisationPolicy } from './buyers.policy.js';
import { buyerRepo } from './buyers.repo.js';
import type { RegisterInput } from './buyers.schema.js';

const creditCodeTaken = () =>
  errors.conflict('BUYER_ALREADY_REGISTERED', '该统一社会信用代码的机构已注册，请联系该机构的管理员开通账号', 'An organisation with this credit code is registered already; ask its administrator for an account', [
    { field: 'creditCode', message: '已注册', messageEn: 'Already registered' },
  ]);

/**
 * Buyer organisations (交易服务, issue 13): equipment users, dealers, leasing companies register themselves
 * (`POST /api/v1/public/register`); the registering person becomes the organisation's buyer_admin — an insurer's
 * (kind insurer, 保险) its insurer_admin.
 */
export function createBuyerService({ db, identity }: { db: Db; identity: IdentityService }) {
  return {
    async register(ctx: RequestContext, input: RegisterInput) {
      authorize(ctx.principal, organisationPolicy, 'register', { kind: input.kind ?? 'buyer' });
      const v = validateCreditCode(input.creditCode);
      // self-registration has nobody to confirm a code that fails GB 32100: it must pass
      if (!v.ok) throw errors.field('creditCode', v.message, v.messageEn, v.reason === 'format' ? 'VALIDATION_FAILED' : 'CREDIT_CODE_CHECKSUM');
      if (await buyerRepo.byCreditCode(db, v.code)) throw creditCodeTaken();
      if (await identity.findByUsername(input.username)) {
        throw errors.conflict('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`, `Username ${input.username} is taken`, [{ field: 'username', message: '用户名已被使用', messageEn: 'Username is taken' }]);
      }
      const passwordHash = await identity.registrationHash(input.password, [input.username, input.contactName, input.orgName, input.phone]);
      return db.transaction(async (tx) => {
        const org = await buyerRepo.insert(tx, { id: randomUUID(), name: input.orgName, creditCode: v.code, contactName: input.contactName, phone: input.phone, kind: input.kind ?? 'buyer' });
        if (!org) throw creditCodeTaken(); // a concurrent registration of the same code won
        await recordAudit(tx, ctx, { action: 'buyer.registered', objectType: 'buyer_org', objectId: org.id, change: { name: org.name, creditCode: org.creditCode, contactName: org.contactName, kind: org.kind } });
        const user = await identity.insertRegisteredUser(tx, ctx, { username: input.username, displayName: input.contactName, role: org.kind === 'insurer' ? 'insurer_admin' : 'buyer_admin', buyerOrgId: org.id, passwordHash });
        return { org, user };
      });
    },

    /**
     * An organisation created by an operator without a first user (the demo seeder: its users are then created
     * with identity.createUserAsOperator). The credit code must pass GB 32100 as at registration.
     */
    async createOrgAsOperator(ctx: RequestContext, input: { orgName: string; creditCode: string; contactName: string; phone: string; kind?: 'buyer' | 'insurer' }) {
      const v = validateCreditCode(input.creditCode);
      if (!v.ok) throw errors.field('creditCode', v.message, v.messageEn, v.reason === 'format' ? 'VALIDATION_FAILED' : 'CREDIT_CODE_CHECKSUM');
      return db.transaction(async (tx) => {
        const org = await buyerRepo.insert(tx, { id: randomUUID(), name: input.orgName, creditCode: v.code, contactName: input.contactName, phone: input.phone, kind: input.kind ?? 'buyer' });
        if (!org) throw creditCodeTaken();
        await recordAudit(tx, ctx, { action: 'buyer.registered', objectType: 'buyer_org', objectId: org.id, change: { name: org.name, creditCode: org.creditCode, contactName: org.contactName, kind: org.kind } });
        return org;
      });
    },

    /** The ministry admin's directory of registered organisations of one kind (to pick a new user's organisation). */
    async list(p: Principal | null, filter: { kind: 'buyer' | 'insurer'; q?: string }, page: Page) {
      authorize(p, organisationDirectoryPolicy, 'list', {});
      return buyerRepo.list(db, filter, page);
    },

    async get(id: string) {
      return buyerRepo.get(db, id);
    },

    async names(ids: string[]) {
      return new Map((await buyerRepo.names(db, [...new Set(ids)])).map((r) => [r.id, r.name]));
    },

    /** A registered organisation by its credit code (leasing names its lessee and leasing company this way). */
    async byCreditCode(creditCode: string) {
      const o = await buyerRepo.byCreditCode(db, creditCode.toUpperCase());
      return o ? { id: o.id, orgName: o.name, kind: o.kind } : undefined;
    },
  };
}

export type BuyerService = ReturnType<typeof createBuyerService>;
