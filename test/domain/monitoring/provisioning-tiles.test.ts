import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../../src/domain/regions.js';
import { checkRow, connectionData, matchColumn } from '../../../src/domain/monitoring/provisioning-sheet.js';
import { PROVINCE_TILES, TILE_COLS, TILE_ROWS, tileProvinceOf } from '../../../src/domain/monitoring/province-tiles.js';

describe('province tile grid (a diagram, not a map)', () => {
  it('has the 34 provincial-level divisions, each once, no two on one tile', () => {
    expect(PROVINCE_TILES).toHaveLength(34);
    expect(new Set(PROVINCE_TILES.map((t) => t.code)).size).toBe(34);
    expect(new Set(PROVINCE_TILES.map((t) => `${t.row},${t.col}`)).size).toBe(34);
    for (const p of PROVINCES) expect(PROVINCE_TILES.find((t) => t.code === p.code)?.name).toBe(p.name);
    expect(PROVINCE_TILES.filter((t) => !PROVINCES.some((p) => p.code === t.code)).map((t) => t.code).sort()).toEqual(['710000', '810000', '820000']);
    expect(PROVINCE_TILES.every((t) => t.row < TILE_ROWS && t.col < TILE_COLS)).toBe(true);
  });
  it('maps an installation region to its province tile', () => {
    expect(tileProvinceOf('440106')).toBe('440000');
    // 香港, 澳门 and 台湾 are drawn but not in the region table: no unit is counted there (nor accepted, see checkRow)
    expect(tileProvinceOf('810001')).toBeNull();
    expect(tileProvinceOf('820000')).toBeNull();
    expect(tileProvinceOf('710000')).toBeNull();
    expect(tileProvinceOf('990000')).toBeNull();
    expect(tileProvinceOf('44')).toBeNull();
    expect(tileProvinceOf(null)).toBeNull();
  });
});

describe('provisioning sheet rows', () => {
  it('matches headers by the full header, the Chinese or the English name', () => {
    expect(matchColumn('产品编码 productCode')?.key).toBe('productCode');
    expect(matchColumn(' ProductCode ')?.key).toBe('productCode');
    expect(matchColumn('安装地区代码')?.key).toBe('regionCode');
    expect(matchColumn('产品')).toBeUndefined();
  });
  it('refuses a missing code, a repeated product, a long name and a bad region, naming row and column', () => {
    const seen = new Map<string, number>();
    expect(checkRow(2, { productCode: 'RM1', name: '甲', regionCode: 440106 }, seen)).toEqual({ input: { row: 2, productCode: 'RM1', name: '甲', regionCode: '440106' }, problems: [] });
    const again = checkRow(3, { productCode: 'rm1', name: 'x'.repeat(101), regionCode: '99' }, seen);
    expect(again.input).toBeNull();
    expect(again.problems.map((p) => [p.row, p.column, p.messageEn])).toEqual([
      [3, '产品编码 productCode', 'the same product as row 2'],
      [3, '设备名称 name', 'longer than 100 characters'],
      [3, '安装地区代码 regionCode', 'a 6-digit GB/T 2260 region code of one of the 31 mainland provincial divisions'],
    ]);
    expect(checkRow(5, { productCode: 'RM5', regionCode: '810000' }, seen).problems.map((p) => p.column)).toEqual(['安装地区代码 regionCode']);
    expect(checkRow(6, { productCode: 'RM6', regionCode: '990101' }, seen).problems.map((p) => p.column)).toEqual(['安装地区代码 regionCode']);
    expect(checkRow(4, { productCode: '  ' }, seen).problems[0]).toMatchObject({ row: 4, messageEn: 'required', message: '必填' });
  });
  it('puts what a device needs to connect into the QR data', () => {
    const d = connectionData({ deviceId: 'abc', clientId: 'reman-abc', password: 'dev_x', mqttUrl: 'mqtt://h:1883', httpBase: 'https://p.example/' });
    expect(d).toEqual({ v: 1, mqtt: 'mqtt://h:1883', clientId: 'reman-abc', username: 'abc', password: 'dev_x', telemetryTopic: 'reman/v1/devices/abc/telemetry', http: 'https://p.example/api/v1/devices/abc/telemetry' });
  });
});
