/**
 * Demo data for a newcomer walking the README (issue 16 item 16, docs/ux.md "Newcomer"):
 * - `ent-gd`'s draft for 佛山顺德生产车间 is complete except two items — the 企业声明 is not yet accepted and the
 *   training records (r45) are not uploaded — so 提交申请 is two clicks and one upload away, not 90 fields;
 * - a case already waiting for `gd-reviewer`: 广州精工's third site (白云车间), submitted, on the reviewer's 待办.
 */
import { ATTACHMENT_SLOTS } from '../../domain/announcement/form.js';
import { sampleApplicationForm } from '../../domain/announcement/sample.js';
import { DEMO_PDF } from '../demo.js';
import { principalOf } from '../modules/identity/identity.service.js';
import type { RequestContext } from '../platform/principal.js';
import type { DemoWorld } from './world.js';

/** The one item of the draft's attachments left for the newcomer to upload. */
export const NEWCOMER_MISSING_SLOT = 'r45_training';
export const NEWCOMER_REVIEW_SITE = '白云车间';

export async function seedNewcomerDemo(w: DemoWorld): Promise<void> {
  const s = w.services;
  const as = (u: DemoWorld['miit']): RequestContext => ({ principal: principalOf(u, null), ip: '127.0.0.1', requestId: 'demo-seed' });
  const admin = as(w.admins.gd!);
  const today = s.clock.today();

  // the draft of 佛山顺德生产车间 (gd2): everything but the declaration and one attachment
  const { items } = await s.applications.list(admin.principal, { states: ['draft'] }, 1, 10);
  const draft = items.find((a) => a.siteId === w.sites.gd2);
  if (draft) {
    const form = sampleApplicationForm(today);
    form.declaration = { ...form.declaration, accepted: false };
    await s.applications.saveForm(admin, draft.id, form);
    for (const slot of ATTACHMENT_SLOTS) {
      if (slot.required && slot.key !== NEWCOMER_MISSING_SLOT) await s.applications.upload(admin, draft.id, { slot: slot.key, filename: `${slot.zh}.pdf`, data: DEMO_PDF });
    }
  }

  // a submitted case on gd-reviewer's 待办
  const site = await s.enterprises.createSite(as(w.miit), w.enterprises.gd!, { name: NEWCOMER_REVIEW_SITE, address: '广东省广州市白云区太和镇再制造产业园8号', regionCode: '440111' });
  const a = await s.applications.create(admin, site.id);
  await s.applications.saveForm(admin, a.id, sampleApplicationForm(today));
  for (const slot of ATTACHMENT_SLOTS) if (slot.required) await s.applications.upload(admin, a.id, { slot: slot.key, filename: `${slot.zh}.pdf`, data: DEMO_PDF });
  // 七(一)3: the gd2 draft stays a draft — the enterprise confirms it does not apply for that site now (recorded)
  await s.applications.submit(admin, [a.id], { notApplyingNow: draft ? [draft.id] : [] });
}
