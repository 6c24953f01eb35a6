import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, makeCreditCode } from '../../src/domain/credit-code.js';
import { buildTestApp, login, type Session, type TestApp } from '../support/app.js';
import { buildEnterprise, buildUser, operator, TEST_PASSWORD } from '../support/factories.js';

/**
 * Free-text searches match the user's text literally: `%` and `_` are not LIKE wildcards (db/like.ts). For each list
 * search: a name with `%` / `_` is found by its literal text and not its look-alike; `q=%` and `q=_` return exactly
 * the rows whose text holds that character (counted in the database with strpos), never the rest.
 */
let app: TestApp;
let ministry: Session;

beforeAll(async () => {
  app = await buildTestApp();
  ministry = await login(app, (await buildUser(app.services, 'ministry_admin')).username, TEST_PASSWORD);
});
afterAll(async () => app?.close());

let n = 0;
const tag = () => `${Date.now().toString(36)}x${n++}`;
const body9 = () => Array.from({ length: 9 }, () => CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)]).join('');
const count = async (text: string, params: unknown[]) => (await app.database.raw.query<{ n: number }>(text, params)).rows[0]!.n;

interface Search {
  /** GET url for q (pageSize 100) */
  url: (q: string) => string;
  /** creates a row whose searched text is `text`; returns its id */
  create: (text: string) => Promise<string>;
  /** how many rows the caller can see whose searched text contains `ch` literally */
  literal: (ch: string) => Promise<number>;
}

const searches: Record<string, Search> = {
  'users (GET /api/v1/users, display name)': {
    url: (q) => `/api/v1/users?pageSize=100&q=${encodeURIComponent(q)}`,
    create: async (text) =>
      (await app.services.identity.createUserAsOperator({ username: `like-${tag()}`, displayName: text, role: 'ministry_officer', organizationId: 'miit', password: TEST_PASSWORD, mustChangePassword: false })).id,
    literal: (ch) => count('SELECT count(*)::int AS n FROM users WHERE strpos(username, $1) > 0 OR strpos(display_name, $1) > 0', [ch]),
  },
  'enterprises (GET /api/v1/enterprises)': {
    url: (q) => `/api/v1/enterprises?pageSize=100&q=${encodeURIComponent(q)}`,
    create: async (text) => (await buildEnterprise(app.services, { name: text })).id,
    literal: (ch) => count('SELECT count(*)::int AS n FROM enterprises WHERE strpos(name, $1) > 0 OR strpos(credit_code, $1) > 0', [ch]),
  },
  'organisations (GET /api/v1/buyer-orgs)': {
    url: (q) => `/api/v1/buyer-orgs?kind=buyer&pageSize=100&q=${encodeURIComponent(q)}`,
    create: async (text) =>
      (await app.services.buyers.createOrgAsOperator(await operator(app.services), { orgName: text, creditCode: makeCreditCode('110105', body9()), contactName: '联系人', phone: '010-12345678', kind: 'buyer' })).id,
    literal: (ch) => count("SELECT count(*)::int AS n FROM buyer_orgs WHERE kind = 'buyer' AND (strpos(name, $1) > 0 OR strpos(credit_code, $1) > 0)", [ch]),
  },
};

for (const [name, s] of Object.entries(searches)) {
  describe(`the ${name} search treats % and _ literally`, () => {
    const ids: Record<string, string> = {};
    let t = '';
    beforeAll(async () => {
      t = tag();
      ids.percent = await s.create(`打折100%件${t}`);
      ids.percentLookalike = await s.create(`打折1000件${t}`);
      ids.underscore = await s.create(`型号a_b${t}`);
      ids.underscoreLookalike = await s.create(`型号axb${t}`);
    });
    const search = async (q: string) => {
      const res = await app.inject({ url: s.url(q), headers: ministry.headers });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { total: number; items: { id: string }[] };
      return { total: body.total, ids: body.items.map((i) => i.id) };
    };

    it('finds a name with % or _ by its literal text, not its look-alike', async () => {
      expect((await search(`100%件${t}`)).ids).toEqual([ids.percent]);
      expect((await search(`a_b${t}`)).ids).toEqual([ids.underscore]);
      // the look-alikes are found by their own text
      expect((await search(`1000件${t}`)).ids).toEqual([ids.percentLookalike]);
      expect((await search(`axb${t}`)).ids).toEqual([ids.underscoreLookalike]);
    });

    it('q=% and q=_ match only the rows holding that character', async () => {
      for (const ch of ['%', '_']) {
        const found = await search(ch);
        expect(found.total).toBe(await s.literal(ch));
        expect(found.ids).toContain(ch === '%' ? ids.percent : ids.underscore);
        expect(found.ids).not.toContain(ids.percentLookalike);
        expect(found.ids).not.toContain(ids.underscoreLookalike);
      }
      expect(await search('\\')).toMatchObject({ total: await s.literal('\\') });
    });
  });
}
