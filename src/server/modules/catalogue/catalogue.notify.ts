/**
 * Who hears of each step of a catalogue application (issue 14 item 1, docs/public-portal.md "Catalogue"): the
 * enterprise (every user of it) of each step taken on its application, and the party whose turn comes next — the
 * provincial authority of the enterprise after a submission, MIIT after a forward. The authority also hears of
 * MIIT's decisions on the applications it forwarded. Nobody hears of their own step, and nobody else hears at all.
 * Written through the notifications service inside the step's transaction (a notification exists iff its step does).
 */
import { MINISTRY_AUTHORITY_ID } from '../../../domain/authorities.js';
import type { CatalogueEvent, CatalogueState } from '../../../domain/catalogue/workflow.js';
import type { NotificationInput } from '../notifications/notifications.service.js';

/** What a step notice needs of the application (after the step). */
export interface NoticeSubject {
  id: string;
  enterpriseId: string;
  authorityId: string;
  productName: string;
  model: string;
  reason: string | null;
  noticeStartOn: string | null;
  noticeEndOn: string | null;
  listedNo: string | null;
}

/** The web's page of the application (the drawer opens on `id`). */
export const applicationLink = (id: string) => `/catalogue-applications?id=${encodeURIComponent(id)}`;

/** The notices of `event` on `a` (`from`: the state before the step; `enterpriseName` for the reviewers' titles). */
export function catalogueStepNotices(event: CatalogueEvent, a: NoticeSubject, from: CatalogueState, enterpriseName: string, batchNo?: number): NotificationInput[] {
  const what = `${a.productName} ${a.model}`;
  const whose = enterpriseName ? `（${enterpriseName}）` : '';
  const whoseEn = enterpriseName ? ` (${enterpriseName})` : '';
  const link = applicationLink(a.id);
  const kind = `catalogue.${event}`;
  const to = (orgId: string, title: string, titleEn: string): NotificationInput => ({ orgId, kind, title, titleEn, link });
  const ent = (title: string, titleEn: string) => to(a.enterpriseId, title, titleEn);
  const auth = (title: string, titleEn: string) => to(a.authorityId, title, titleEn);
  const miit = (title: string, titleEn: string) => to(MINISTRY_AUTHORITY_ID, title, titleEn);
  const reason = a.reason ? `：${a.reason}` : '';
  const reasonEn = a.reason ? `: ${a.reason}` : '';
  switch (event) {
    case 'submit':
      return [auth(`产品目录申请待审核：${what}${whose}`, `A catalogue application awaits your review: ${what}${whoseEn}`)];
    case 'return':
      return [ent(`产品目录申请被退回补正：${what}${reason}`, `Your catalogue application was returned for supplement: ${what}${reasonEn}`)];
    case 'provincial_reject':
      return [ent(`产品目录申请未通过省级审核：${what}${reason}`, `Your catalogue application was rejected by the provincial authority: ${what}${reasonEn}`)];
    case 'forward':
      return [
        miit(`省级主管部门报送产品目录申请，待审核：${what}${whose}`, `A forwarded catalogue application awaits MIIT's review: ${what}${whoseEn}`),
        ent(`产品目录申请已报送工业和信息化部：${what}`, `Your catalogue application was forwarded to MIIT: ${what}`),
      ];
    case 'reject':
      return [
        ent(`产品目录申请未通过工业和信息化部审核：${what}${reason}`, `MIIT rejected your catalogue application: ${what}${reasonEn}`),
        auth(`工信部未通过辖区企业的产品目录申请：${what}${whose}`, `MIIT rejected a catalogue application of your jurisdiction: ${what}${whoseEn}`),
      ];
    case 'start_notice': {
      const w = `${a.noticeStartOn} — ${a.noticeEndOn}`;
      return [
        ent(`产品目录申请进入公示（${w}）：${what}`, `Your catalogue application is in public notice (${w}): ${what}`),
        auth(`辖区企业的产品目录申请进入公示（${w}）：${what}${whose}`, `A catalogue application of your jurisdiction is in public notice (${w}): ${what}${whoseEn}`),
      ];
    }
    case 'close_notice':
      return [
        ent(`产品目录公示期满无异议，待列入目录：${what}`, `The public notice of your model passed without objection; it awaits a catalogue batch: ${what}`),
        auth(`辖区企业的产品目录公示期满无异议：${what}${whose}`, `The public notice of a model of your jurisdiction passed: ${what}${whoseEn}`),
      ];
    case 'uphold_objection':
      return [
        ent(`产品目录公示异议成立，申请未通过：${what}${reason}`, `An objection to your model's public notice was upheld; the application is rejected: ${what}${reasonEn}`),
        auth(`辖区企业的产品目录公示异议成立：${what}${whose}`, `An objection to the notice of a model of your jurisdiction was upheld: ${what}${whoseEn}`),
      ];
    case 'list': {
      const n = batchNo ?? 0;
      return [
        ent(`已列入再制造产品目录（第${n}批，编号 ${a.listedNo}）：${what}`, `Listed in the remanufactured product catalogue (batch ${n}, No. ${a.listedNo}): ${what}`),
        auth(`辖区企业的产品列入再制造产品目录（第${n}批）：${what}${whose}`, `A model of your jurisdiction was listed in the catalogue (batch ${n}): ${what}${whoseEn}`),
      ];
    }
    case 'withdraw': {
      // the reviewer who had the application hears that it is gone; a draft was nobody's but the enterprise's
      const title = `企业撤回了产品目录申请：${what}${whose}`;
      const titleEn = `An enterprise withdrew its catalogue application: ${what}${whoseEn}`;
      if (from === 'submitted' || from === 'returned') return [auth(title, titleEn)];
      if (from === 'forwarded') return [miit(title, titleEn), auth(title, titleEn)];
      return [];
    }
  }
}
