/**
 * 旧件交易 demo (issue 13 core exchange, docs/trading.md "Core exchange"): the exchange is not empty.
 *
 * - A registered recycler, 河北冀中再生资源回收有限公司 (login `recycler`, buyer_admin, demo password), and 湖北东风动力
 *   (ent-hb) post cores on offer; 广州精工 (ent-gd, the README's newcomer), 上海临港 (ent-sh) and 青岛海岸 (ent-qd) post
 *   the cores they need.
 * - The recycler has proposed 20 WP12 engine cores to ent-gd's demand, with its source attestation: a match waiting
 *   for the newcomer to accept (its notification links to /core-exchange/matches/{id}).
 * - ent-sh proposed to take 10 WD615 cores of ent-hb, and ent-hb accepted with its attestation: the core intake is in
 *   ent-sh's trace (source 湖北东风动力) and the shipping in ent-hb's.
 *
 * Made through the core exchange's own use cases (8 small transactions), so each state is reachable by its rules.
 */
import { makeCreditCode } from '../../domain/credit-code.js';
import { DEMO_PASSWORD } from '../demo.js';
import { principalOf } from '../modules/identity/identity.service.js';
import type { RequestContext } from '../platform/principal.js';
import type { DemoWorld } from './world.js';

export const DEMO_RECYCLER_ORG = '河北冀中再生资源回收有限公司';
export const DEMO_RECYCLER_LOGIN = 'recycler';

export async function seedCoreExchangeDemo(w: DemoWorld): Promise<void> {
  const s = w.services;
  const { gd, hb, sh, qd } = w.admins;
  if (!gd || !hb || !sh || !qd) return;
  const as = (u: DemoWorld['miit']): RequestContext => ({ principal: principalOf(u, null), ip: '127.0.0.1', requestId: 'demo-seed' });

  const org = await s.buyers.createOrgAsOperator(as(w.miit), { orgName: DEMO_RECYCLER_ORG, creditCode: makeCreditCode('130104', 'MA0JHHY27'), contactName: '刘振国', phone: '0311-8766 2310' });
  const user = await s.identity.createUserAsOperator({ username: DEMO_RECYCLER_LOGIN, displayName: '冀中再生 刘振国', role: 'buyer_admin', organizationId: org.id, password: DEMO_PASSWORD, mustChangePassword: false }, { demoSeed: true });
  const recycler = as(user);

  // supply: the recycler (engine and pump cores) and ent-hb (its own WD615 cores)
  const wp12 = await s.core.post(recycler, { kind: 'supply', channel: 'recycler', name: '旧柴油发动机总成', model: 'WP12.430E', field: 'internal_combustion_engines', quantity: 60, grade: 'B', priceCny: 8_200, regionCode: '130104', note: '重卡报废拆解回收，缸体完整，附回收台账' });
  await s.core.post(recycler, { kind: 'supply', channel: 'recycler', name: '旧液压主泵', model: 'K3V112DT', field: 'construction_machinery', quantity: 25, grade: 'C', priceCny: 3_600, regionCode: '130104' });
  const wd615 = await s.core.post(as(hb), { kind: 'supply', name: '旧柴油发动机总成', model: 'WD615.87', field: 'internal_combustion_engines', quantity: 30, grade: 'B', priceCny: 6_500, depositCny: 1_000, regionCode: '420100', note: '以旧换再收回的旧机，本企业追溯可查' });
  // demand: ent-gd (WP12 engines), ent-sh (WD615), ent-qd (hydraulic pumps)
  const gdDemand = await s.core.post(as(gd), { kind: 'demand', name: '旧柴油发动机总成', model: 'WP12.430E', field: 'internal_combustion_engines', quantity: 30, grade: 'C', priceCny: 7_800, regionCode: '440100' });
  const shDemand = await s.core.post(as(sh), { kind: 'demand', name: '旧柴油发动机', model: 'WD615.87', quantity: 10, grade: 'B', priceCny: 6_300, regionCode: '310115' });
  await s.core.post(as(qd), { kind: 'demand', name: '旧液压主泵', model: 'K3V112DT', field: 'construction_machinery', quantity: 12, grade: 'C', regionCode: '370200' });

  // waiting for the newcomer (ent-gd): the recycler proposed 20 of its WP12 cores, attesting their source
  await s.core.propose(recycler, {
    supplyId: wp12.id, demandId: gdDemand.id, quantity: 20, note: '可分两批发货',
    attestation: { statement: '旧件均为本公司依法回收的报废重型货车拆解件，已在机动车回收拆解台账登记，来源合法合规', document: 'JZ-HS-2026-0318' },
  });
  // accepted: ent-sh proposed to take 10 WD615 cores of ent-hb, ent-hb accepted with its attestation
  const m = await s.core.propose(as(sh), { supplyId: wd615.id, demandId: shDemand.id, quantity: 10 });
  await s.core.accept(as(hb), m.id, { attestation: { statement: '旧件为本企业以旧换再业务从设备用户收回的旧机，均有以旧换再订单和旧件回收记录', document: 'HB-YJHZ-2026-041' } });
}
