import { randomInt } from 'node:crypto';
import { CREDIT_CODE_ALPHABET, makeCreditCode } from '../../../src/domain/credit-code.js';
import type { Positive } from './index.js';

const uniq = () => Math.random().toString(36).slice(2, 8);
const creditCode = () => makeCreditCode('440106', Array.from({ length: 9 }, () => CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)]).join(''));

/** Positive cases of authorities, enterprises and their sites, experts and the audit log. */
export const positive: Record<string, Positive> = {
  'GET /api/v1/authorities': { as: 'public' },
  'PATCH /api/v1/authorities/:id': { as: 'ministry_admin', params: { id: 'prov-650000' }, body: { name: '新疆维吾尔自治区工业和信息化厅' } },
  'GET /api/v1/enterprises': { as: 'enterprise_staff' },
  'GET /api/v1/enterprises/stats/by-region': { as: 'authority_reviewer' },
  'GET /api/v1/enterprises/stats/by-city': { as: 'authority_reviewer' },
  'POST /api/v1/enterprises': async () => ({
    as: 'authority_admin',
    body: { name: `矩阵新建再制造企业${uniq()}`, creditCode: creditCode(), regionCode: '440106', address: '广州市天河区某路 1 号', legalRepresentative: '某', contactName: '某', contactPhone: '020-12345678', enterpriseType: 'private', listingStatus: 'none' },
  }),
  'GET /api/v1/enterprises/:id': { as: 'enterprise_token' },
  'PATCH /api/v1/enterprises/:id': { as: 'enterprise_admin', body: { contactPhone: '020-87654321' } },
  'GET /api/v1/enterprises/:id/sites': { as: 'authority_reviewer' },
  'POST /api/v1/enterprises/:id/sites': async () => ({ as: 'enterprise_admin', body: { name: `矩阵厂区${uniq()}`, address: '广州市黄埔区某路 2 号', regionCode: '440106' } }),
  'PATCH /api/v1/enterprises/:id/sites/:siteId': { as: 'enterprise_admin', body: { address: '广州市黄埔区某路 3 号' } },
  'GET /api/v1/experts': { as: 'ministry_officer' },
  'POST /api/v1/experts': { as: 'ministry_admin', body: { name: '矩阵专家', organization: '某研究院', title: '研究员', fields: ['machine_tools'] } },
  'PATCH /api/v1/experts/:id': async (w) => ({ as: 'ministry_admin', params: { id: w.home.expert! }, body: { title: '教授' } }),
  'GET /api/v1/audit': { as: 'ministry_admin' },
  'GET /api/v1/audit/verify': { as: 'ministry_admin' },
  'GET /api/v1/audit/export.xlsx': { as: 'ministry_admin' },
};
