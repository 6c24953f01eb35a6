import { buildUser, TEST_PASSWORD } from '../../support/factories.js';
import { login } from '../../support/app.js';
import type { Positive, PositiveWorld } from './index.js';

/** A fresh staff user of the home enterprise (for cases that change or end a user). */
const freshUser = (w: PositiveWorld) => buildUser(w.app.services, 'enterprise_staff', { organizationId: w.home.enterprise });
const uniq = () => Math.random().toString(36).slice(2, 10);

/** Positive cases of sign-in, users and API tokens. */
export const positive: Record<string, Positive> = {
  'POST /api/v1/auth/login': async (w) => ({ as: 'public', body: { username: w.username('enterprise_staff'), password: TEST_PASSWORD } }),
  'POST /api/v1/auth/logout': { as: 'enterprise_staff' },
  'GET /api/v1/auth/me': { as: 'enterprise_staff' },
  'POST /api/v1/auth/password': async (w) => {
    const u = await freshUser(w);
    const s = await login(w.app, u.username, TEST_PASSWORD);
    return { as: 'enterprise_staff', headers: s.headers, body: { currentPassword: TEST_PASSWORD, newPassword: 'Another-pass-2027' } };
  },
  'GET /api/v1/users': { as: 'enterprise_admin' },
  'POST /api/v1/users': async (w) => ({ as: 'enterprise_admin', body: { username: `m-${uniq()}`, displayName: '矩阵新用户', role: 'enterprise_staff', organizationId: w.home.enterprise } }),
  'PATCH /api/v1/users/:id': async (w) => ({ as: 'enterprise_admin', params: { id: (await freshUser(w)).id }, body: { displayName: '矩阵改名' } }),
  // a testing organisation's administrator manages its organisation's users (testing_org_admin)
  'POST /api/v1/users/:id/reset-password': async (w) => ({ as: 'testing_org_admin', params: { id: (await buildUser(w.app.services, 'testing_org_staff', { organizationId: w.home.testingOrg })).id } }),
  'GET /api/v1/tokens': { as: 'enterprise_admin' },
  'GET /api/v1/tokens/scopes': { as: 'enterprise_admin' },
  'POST /api/v1/tokens': { as: 'enterprise_admin', body: { name: '矩阵令牌' } },
  'DELETE /api/v1/tokens/:id': async (w) => ({ as: 'enterprise_admin', params: { id: (await w.must('enterprise_admin', 'POST', '/api/v1/tokens', { name: '待吊销' })).id } }),
};
