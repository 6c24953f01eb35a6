/** Statistics that do not mislead (issue 16 item 5): a provincial authority's figures by city, one source per table. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityName } from '../../src/domain/regions.js';
import { seedDemoData } from '../../src/server/demo.js';
import { buildTestApp, login, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ LOGIN_RATE_PER_MINUTE: 10_000 });
  expect(await seedDemoData(app.services, app.database, app.config)).toBe(true);
}, 240_000);
afterAll(async () => app?.close());

type City = { regionCode: string; regionName: string; count: number };

describe('province-shaped statistics', () => {
  it('city names come from the addresses people typed; plan cities by their own name', () => {
    expect(cityName('440600', '广东省佛山市顺德区北滘镇工业大道66号')).toBe('佛山市');
    expect(cityName('441900', '广东东莞市松山湖园区')).toBe('东莞市');
    expect(cityName('310115', '上海市浦东新区张江路1号')).toBe('浦东新区');
    expect(cityName('422800', '湖北省恩施土家族苗族自治州恩施市')).toBe('恩施土家族苗族自治州');
    expect(cityName('440300', null)).toBe('深圳市');
    expect(cityName('450100', '')).toBe('450100');
  });

  it('gd-admin: enterprises by city of 广东 (home) and announced enterprises by city (统计); MIIT keeps the national shape', async () => {
    const gd = await login(app, 'gd-admin', 'Reman#2026');
    const cities = (await app.inject({ method: 'GET', url: '/api/v1/enterprises/stats/by-city', headers: gd.headers })).json().items as City[];
    expect(cities.length).toBeGreaterThan(1);
    expect(cities.every((c) => c.regionCode.startsWith('44') && c.regionCode.endsWith('00'))).toBe(true);
    expect(cities.map((c) => c.regionName)).toEqual(expect.arrayContaining(['广州市', '佛山市', '东莞市']));
    expect(cities.map((c) => c.regionName)).not.toContain('深圳市'); // reviewed by 深圳's own authority
    const { rows } = await app.database.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM enterprises WHERE authority_id = 'prov-440000'");
    expect(cities.reduce((n, c) => n + c.count, 0)).toBe(rows[0]!.n);

    const stats = (await app.inject({ method: 'GET', url: '/api/v1/statistics', headers: gd.headers })).json();
    expect(stats.scope.kind).toBe('authority');
    expect(stats.announced.byCity.length).toBeGreaterThan(1);
    expect(stats.announced.byCity.reduce((n: number, c: { enterprises: number }) => n + c.enterprises, 0)).toBe(stats.announced.enterprises);

    const miit = await login(app, 'miit', 'Reman#2026');
    const national = (await app.inject({ method: 'GET', url: '/api/v1/statistics', headers: miit.headers })).json();
    expect(national.announced.byCity).toEqual([]);
    expect(national.announced.byRegion.length).toBeGreaterThan(1);
  });
});
