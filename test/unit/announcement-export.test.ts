import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { announcementWording, entryFields, entryRegion, renderAnnouncementDocx, renderAnnouncementXlsx } from '../../src/server/modules/announcements/announcement-export.js';
import type { AnnouncementEntryRow, AnnouncementRow } from '../../src/server/modules/announcements/announcements.repo.js';

const T0 = new Date('2026-12-01T02:00:00Z');

function batch(no: number, patch: Partial<AnnouncementRow> = {}): AnnouncementRow {
  return {
    id: `00000000-0000-4000-8000-00000000000${no}`,
    batchNo: no,
    docNumber: `工业和信息化部公告 2026年第${no + 10}号`,
    announcedOn: `2026-12-0${no}`,
    title: `符合《机电产品再制造行业规范条件》企业名单（第${['', '一', '二'][no]}批）`,
    createdBy: null,
    createdAt: T0,
    ...patch,
  };
}

function entry(b: AnnouncementRow, seq: number, patch: Partial<AnnouncementEntryRow>): AnnouncementEntryRow {
  return {
    batchId: b.id,
    seq,
    enterpriseId: `10000000-0000-4000-8000-00000000000${seq}`,
    applicationId: null,
    siteId: `20000000-0000-4000-8000-00000000000${seq}`,
    provinceCode: '320000',
    enterpriseName: '某某动力再制造有限公司',
    creditCode: '91310110666007217T',
    siteName: '一号厂区',
    fields: ['internal_combustion_engines'],
    status: 'active',
    revokedOn: null,
    history: [],
    ...patch,
  };
}

const b1 = batch(1);
const b2 = batch(2);
const e1 = [
  // given out of order: exported by 序号
  entry(b1, 2, { provinceCode: '440000', enterpriseName: '广东某某机床再制造有限公司', creditCode: '91440300MA5XXXXX1K', siteName: '深圳厂区', fields: ['machine_tools', 'office_equipment'] }),
  entry(b1, 1, { fields: ['internal_combustion_engines', 'construction_machinery'] }),
];
const e2 = [entry(b2, 1, { provinceCode: '370000', enterpriseName: 'A&B <再制造> 有限公司', creditCode: '91370200MA3YYYYY2L', siteName: '青岛厂区', fields: [] })];

describe('entry helpers', () => {
  it('names the province and joins the field labels with 、', () => {
    expect(entryRegion({ provinceCode: '320000' })).toBe('江苏省');
    expect(entryRegion({ provinceCode: '990000' })).toBe('990000');
    expect(entryFields({ fields: ['internal_combustion_engines', 'construction_machinery'] })).toBe('内燃机、工程机械');
    expect(entryFields({ fields: [] })).toBe('');
  });

  it('words the announcement with the batch in Chinese numerals', () => {
    expect(announcementWording(3)).toBe(
      '根据《机电产品再制造行业规范条件》，经企业申报、省级工业和信息化主管部门审核、专家评审、现场核查和网上公示等程序，现将符合《机电产品再制造行业规范条件》的企业名单（第三批）予以公告。',
    );
  });
});

describe('renderAnnouncementXlsx', async () => {
  const buf = await renderAnnouncementXlsx([
    { batch: b1, entries: e1 },
    { batch: b2, entries: e2 },
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('公告名单')!;
  const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);

  it('has one sheet 公告名单 with the header row', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['公告名单']);
    expect(values(1)).toEqual(['批次', '公告文号', '公告日期', '序号', '地区', '企业名称', '统一社会信用代码', '厂区', '再制造产品类型']);
    expect(ws.rowCount).toBe(4);
  });

  it('writes one row per entry, batches in order and entries by 序号', () => {
    expect(values(2)).toEqual([1, '工业和信息化部公告 2026年第11号', new Date('2026-12-01T00:00:00Z'), 1, '江苏省', '某某动力再制造有限公司', '91310110666007217T', '一号厂区', '内燃机、工程机械']);
    expect(values(3)).toEqual([1, '工业和信息化部公告 2026年第11号', new Date('2026-12-01T00:00:00Z'), 2, '广东省', '广东某某机床再制造有限公司', '91440300MA5XXXXX1K', '深圳厂区', '机床工具、文化办公设备']);
    expect(values(4)).toEqual([2, '工业和信息化部公告 2026年第12号', new Date('2026-12-02T00:00:00Z'), 1, '山东省', 'A&B <再制造> 有限公司', '91370200MA3YYYYY2L', '青岛厂区', '']);
    expect(ws.getCell('C2').numFmt).toBe('yyyy-mm-dd');
  });

  it('has a bold, frozen, filterable header and column widths', () => {
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('I1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:I4');
    expect(ws.getColumn(6).width).toBe(40);
    expect(ws.getColumn(7).width).toBe(22);
  });

  it('drops control characters from names', async () => {
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await renderAnnouncementXlsx([{ batch: b1, entries: [entry(b1, 1, { enterpriseName: '某某\u0008再制造有限公司' })] }])) as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('公告名单')!.getCell('F2').value).toBe('某某再制造有限公司');
  });

  it('writes a header-only sheet when there is nothing announced', async () => {
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load((await renderAnnouncementXlsx([])) as unknown as ArrayBuffer);
    const sheet = empty.getWorksheet('公告名单')!;
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getCell('F1').value).toBe('企业名称');
  });
});

describe('renderAnnouncementDocx', async () => {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
  const buf = await renderAnnouncementDocx(b1, e1);
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '').matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => textOf(tc[0])));

  it('has the title, number and standard wording', () => {
    expect(paragraphs[0]).toBe('工业和信息化部公告');
    expect(paragraphs[1]).toBe('2026年第11号');
    expect(paragraphs).toContain(
      '根据《机电产品再制造行业规范条件》，经企业申报、省级工业和信息化主管部门审核、专家评审、现场核查和网上公示等程序，现将符合《机电产品再制造行业规范条件》的企业名单（第一批）予以公告。',
    );
    expect(paragraphs).toContain('符合《机电产品再制造行业规范条件》企业名单（第一批）');
  });

  it('has the bordered list by 序号', () => {
    expect(xml).toContain('<w:tblBorders>');
    expect(xml).toMatch(/<w:insideV w:val="single"/);
    expect(rows).toEqual([
      ['序号', '地区', '企业名称', '厂区', '再制造产品类型'],
      ['1', '江苏省', '某某动力再制造有限公司', '一号厂区', '内燃机、工程机械'],
      ['2', '广东省', '广东某某机床再制造有限公司', '深圳厂区', '机床工具、文化办公设备'],
    ]);
  });

  it('ends with the issuer and the date', () => {
    expect(paragraphs.slice(-2)).toEqual(['工业和信息化部', '2026年12月1日']);
  });

  it('escapes names and prints a number it cannot split as is', async () => {
    const other = await renderAnnouncementDocx(batch(2, { docNumber: '工信部公告〔2026〕7号' }), e2);
    const x = await (await JSZip.loadAsync(other)).file('word/document.xml')!.async('string');
    expect(x).toContain('A&amp;B &lt;再制造&gt; 有限公司');
    expect(textOf(x)).toContain('工信部公告〔2026〕7号');
    expect(textOf(x)).toContain('企业名单（第二批）予以公告');
  });
});
