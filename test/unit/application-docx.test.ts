import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveRatios } from '../../src/domain/announcement/derived.js';
import { OUTLINE_SECTIONS, type ApplicationForm } from '../../src/domain/announcement/form.js';
import { DECLARATION_ITEMS, FILLING_NOTES, renderApplicationDocx, renderTable13Docx, shanghaiDate, zhDate, type ApplicationDocxInput } from '../../src/server/modules/applications/application-docx.js';
import type { ApplicationRow } from '../../src/server/modules/applications/applications.repo.js';
import type { EnterpriseListRow, SiteRow } from '../../src/server/modules/enterprises/enterprises.repo.js';
import { completeApplicationForm } from '../domain/fixtures.js';
import { requireTool, sofficeUnavailable } from '../support/tools.js';

const T0 = new Date('2026-11-01T00:00:00Z');

const enterprise: EnterpriseListRow = {
  id: '00000000-0000-4000-8000-000000000001',
  name: '某某动力再制造有限公司',
  creditCode: '91310110666007217T',
  creditCodeOverride: false,
  regionCode: '320500',
  authorityId: 'prov-320000',
  address: '江苏省苏州市某某经济开发区某某路1号',
  postalCode: '215000',
  website: null,
  legalRepresentative: '张伟',
  contactName: '李娜',
  contactPhone: '13800000002',
  contactEmail: 'contact@example.com',
  enterpriseType: 'private',
  listingStatus: 'none',
  parentId: null,
  createdAt: T0,
  updatedAt: T0,
  parentName: null,
  siteCount: 1,
};

const site: SiteRow = {
  enterpriseId: enterprise.id,
  id: '00000000-0000-4000-8000-000000000002',
  name: '一号厂区',
  address: '苏州市某某路1号',
  regionCode: '320500',
  createdAt: T0,
  updatedAt: T0,
};

function appRow(form: ApplicationForm, patch: Partial<ApplicationRow> = {}): ApplicationRow {
  return {
    enterpriseId: enterprise.id,
    id: '00000000-0000-4000-8000-000000000003',
    siteId: site.id,
    submissionGroup: null,
    state: 'forwarded',
    version: 1,
    form,
    authorityId: 'prov-320000',
    // 2026-11-23 01:30 in Shanghai, still the 22nd in UTC
    submittedAt: new Date('2026-11-22T17:30:00Z'),
    decidedAt: null,
    provincialOpinion: {
      opinion: '经审核，该企业符合《机电产品再制造行业规范条件》要求，同意推荐。',
      handler: '王强',
      head: '赵敏',
      date: '2026-12-01',
      filler: '王强',
      phone: '025-80000000',
      email: 'gxt@example.gov.cn',
    },
    outcomeReason: null,
    createdBy: '00000000-0000-4000-8000-000000000004',
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  };
}

function input(form: ApplicationForm, patch: Partial<ApplicationRow> = {}): ApplicationDocxInput {
  return { app: appRow(form, patch), form, derived: deriveRatios(form), enterprise, site };
}

interface Unpacked {
  zip: JSZip;
  xml: string;
  /** Text of each paragraph, in order. */
  paragraphs: string[];
  /** Per table: per row: the text of each cell. */
  tables: string[][][];
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');

async function unpack(buf: Buffer): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => textOf(tc[0]))),
  );
  return { zip, xml, paragraphs, tables };
}

const tmpDirs: string[] = [];
afterAll(() => tmpDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('renderApplicationDocx: the complete fixture', async () => {
  const form = completeApplicationForm();
  const buf = await renderApplicationDocx(input(form));
  const doc = await unpack(buf);
  const all = doc.paragraphs.join('\n');
  const [t11, t12, t13] = doc.tables;

  it('is a Word document (zip with word/document.xml) on A4', () => {
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    expect(doc.xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(doc.tables).toHaveLength(3);
  });

  it('sets Chinese fonts with fallbacks in the font table', async () => {
    const styles = await doc.zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc.xml).toContain('w:eastAsia="黑体"');
    expect(doc.xml).toContain('w:eastAsia="方正小标宋简体"');
    const fonts = await doc.zip.file('word/fontTable.xml')!.async('string');
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong[^"]*"\/>/);
    expect(fonts).toContain('<w:font w:name="宋体">');
    expect(fonts).toContain('<w:charset w:val="86"/>');
  });

  it('has the cover with the enterprise and the submission date in Asia/Shanghai', () => {
    expect(doc.paragraphs).toContain('机电产品再制造行业规范公告申请书');
    expect(doc.paragraphs).toContain('申请企业：某某动力再制造有限公司（单位公章）');
    expect(doc.paragraphs).toContain('申请日期：2026年11月23日');
    expect(doc.paragraphs).toContain('工业和信息化部制');
  });

  it('has 填写须知 and 企业声明 verbatim, with the declared legal representative and date', () => {
    expect(doc.paragraphs).toContain('填写须知');
    for (const t of FILLING_NOTES) expect(doc.paragraphs).toContain(t);
    expect(doc.paragraphs).toContain('企业声明');
    for (const t of DECLARATION_ITEMS) expect(doc.paragraphs).toContain(t);
    expect(doc.paragraphs).toContain('申请企业法定代表人（签字）：张伟');
    expect(doc.paragraphs).toContain('2026年11月20日');
    expect(doc.paragraphs).toContain('（申请企业盖章）');
  });

  it('has the outline 一–六 with each sub-item followed by the enterprise text', () => {
    expect(doc.paragraphs).toContain('机电产品再制造行业企业规范公告申请书大纲');
    for (const c of ['一、企业基本情况', '二、再制造能力', '三、管理体系和安全生产', '四、环境保护和社会责任', '五、售后服务和职业教育', '六、其他需要说明的情况']) {
      expect(doc.paragraphs).toContain(c);
    }
    const heading = (i: number) => doc.paragraphs.findIndex((p) => p.startsWith(OUTLINE_SECTIONS[i]!.zh.replace(/（如有）$/, '').slice(0, 6)));
    for (const [i, s] of OUTLINE_SECTIONS.entries()) {
      const text = form.outline![s.key];
      if (!text) continue;
      const at = heading(i);
      expect(at, s.key).toBeGreaterThan(0);
      expect(doc.paragraphs[at + 1], s.key).toBe(text);
    }
    expect(all).toContain('1.企业基本信息。包括但不限于企业名称、所有制形式、注册时间、注册地址、法定代表人、员工人数、技术人员数量等基本信息。');
    expect(doc.paragraphs).toContain('（如有）');
  });

  it('has 表1-1 with check boxes, contact data and figures as given', () => {
    expect(doc.paragraphs).toContain('表1-1');
    expect(doc.paragraphs).toContain('机电产品再制造企业基本情况表');
    const fields = doc.paragraphs.find((p) => p.startsWith('再制造产品类型：'))!;
    expect(fields).toContain('☑工程机械');
    expect(fields).toContain('☑内燃机');
    expect(fields).toContain('☐机床工具');
    expect(fields.match(/☐/g)).toHaveLength(8); // nine fields + 其他 (规范条件 一(一) “等”), two ticked
    expect(fields).toContain('☐其他');
    expect(fields).toContain('再制造柴油发动机、工程机械发动机总成'); // the 表1-1 line as the enterprise wrote it
    expect(doc.paragraphs).toContain('填表人：李娜　　联系电话：0512-66000000');
    const row = (label: string) => t11!.find((r) => r[0] === label || r[2] === label)!;
    expect(row('企业名称')[1]).toBe('某某动力再制造有限公司');
    expect(row('详细地址')[1]).toBe('江苏省苏州市某某经济开发区某某路1号厂区：一号厂区，苏州市某某路1号');
    expect(row('法定代表人')).toEqual(['法定代表人', '张伟', '手机', '13800000001']);
    expect(row('员工人数')).toEqual(['员工人数', '120', '技术人员数', '40']);
    expect(row('企业类型')[1]).toBe('内资（国有☐　集体☐　民营☑）　　中外合资☐港澳台☐　　外商独资☐');
    expect(row('上市情况')[1]).toBe('境内上市☐　　境外上市☐　　否☑');
    expect(row('注册时间')).toEqual(['注册时间', '2015年6月18日', '注册资产（万元）', '5000']);
    expect(row('总资产（万元）')).toEqual(['总资产（万元）', '32000', '资产负债率', '45.00%']);
    expect(row('固定资产（万元）')).toEqual(['固定资产（万元）', '15000', '生产设备台（套）数', '86']);
    expect(t11!.at(-1)![0]).toContain('公司专业从事发动机再制造');
  });

  it('has 表1-2 with all 46 rows in order, grouped as the template', () => {
    expect(doc.paragraphs).toContain('表1-2');
    expect(doc.paragraphs).toContain('机电产品再制造企业规范情况表');
    expect(t12![0]).toEqual(['序号', '名称', '内容', '备注']);
    const numbers = t12!.map((r) => r[0]).filter((x) => /^\d+$/.test(x!)).map(Number);
    expect(numbers).toEqual(Array.from({ length: 46 }, (_, i) => i + 1));
    const groups = ['批复情况', '建设情况', '经营情况', '相关指标', '财务状况', '技术工艺装备', '产品质量', '研发创新', '管理体系和安全生产', '环境保护和社会责任', '售后服务和职业教育'];
    expect(t12!.map((r) => r[1]).filter((x) => groups.includes(x!))).toEqual(groups);
  });

  /** Row `no` of 表1-2 as [序号, 名称, 内容, 备注] (the merged group column, 名称's first half, left out). */
  const row12 = (no: number) => withoutGroup(t12!.find((r) => r[0] === String(no))!);

  it('fills 表1-2 from the form: approvals, land, years with 共计, rates', () => {
    expect(row12(1)).toEqual(['1', '工业投资主管部门核准（或备案）文件及文号', '苏发改备〔2015〕123号', '请提供复印件']);
    expect(row12(4)).toEqual(['4', '营业执照', '91310110666007217T', '']); // 备注 merged with row 1's
    expect(row12(5)).toEqual(['5', '☑自有　　☐租赁　　租赁年限：　　　年', '请提供土地权属证明、不动产登记证或租赁合同等。']);
    expect(row12(6)).toEqual(['6', '厂区面积（平方米）', '60000', '']);
    expect(row12(8)[2]).toBe('2023年　8000万元2024年　8600万元2025年　9000万元共计：25600万元');
    expect(row12(9)[2]).toContain('共计：20900万元');
    expect(row12(10)[2]).toContain('共计：20200万元');
    expect(row12(11)[2]).toBe('2023年　2800件2024年　2950件2025年　3100件共计：8850件');
    // the form's words only, no formula version id on the stamped copy (issue 16 item 14)
    expect(row12(12)).toEqual(['12', '质量再制造率', '84.00%', '计算方法参考 GB/T 28620']);
    expect(row12(13)).toEqual(['13', '价值再制造率', '76.00%', '计算方法参考 GB/T 28620']);
    expect(row12(14)).toEqual(['14', '近三年财务报表审计报告', '已审计年度：2023年、2024年、2025年', '请提供复印件']);
  });

  it('lists the equipment of rows 15–23 with 型号规格 and 台数', () => {
    const at = t12!.findIndex((r) => r[0] === '15');
    expect(t12![at]).toEqual(['15', '技术工艺装备', '旧件拆解设备', '型号规格', '台数', '']);
    expect(t12![at + 1]).toEqual(['', '', '', 'CJX-200 拆解线（发动机拆解）', '2', '']);
    const perf = t12!.findIndex((r) => r[0] === '21');
    expect(t12![perf]).toEqual(['21', '', '整机性能测试设备', '型号规格', '台数', '']);
    expect(t12![perf + 1]!.slice(3, 5)).toEqual(['AVL 发动机试验台架（出厂试验）', '4']);
    const packaging = t12!.findIndex((r) => r[0] === '22');
    expect(t12![packaging + 1]).toEqual(['', '', '', '', '', '']); // none: a blank line to fill in
    expect(t12![packaging + 2]![0]).toBe('23');
    expect(row12(23)[1]).toBe('其他再制造过程中使用的设备（请详细说明，可另附页）');
  });

  it('prints rows 25/26/27/46 as computed percentages', () => {
    expect(row12(25)[2]).toBe('40.00%（大专及以上学历48人，职工总数120人）');
    expect(row12(26)[2]).toBe('15.00%（研发团队18人，职工总数120人）');
    expect(row12(27)[2]).toBe('研发投入：360万元占上一年度总销售额比重：4.19%（2025年研发投入；2024年营业收入8600万元，规范条件 三(四)）');
    expect(row12(46)[2]).toBe('岗位：电工、焊工、叉车司机、起重机司机持证上岗率：100.00%（持证25人，需持证岗位25人）');
    expect(row12(46)[3]).toBe('请提供相关证明材料');
  });

  it('fills R&D institutions, patents, certificates and compliance answers', () => {
    expect(row12(28)[2]).toBe('☑实验室☐工程研究中心☐创新中心☐其他　　　　　　');
    expect(row12(29)[2]).toBe('ZL202010000001.1　一种发动机缸体激光熔覆修复方法ZL202120000002.2　一种曲轴无损检测装置☑近三年无侵权行为的自我声明');
    expect(row12(29)[3]).toBe('请提供复印件+自我声明');
    expect(row12(31)).toEqual(['31', '质量管理体系证书', '证书编号：00123Q45678R1M发证机构：某认证有限公司有效期至：2027年6月30日', '请提供复印件']);
    expect(row12(38)).toEqual(['38', '废水排放是否符合《污水综合排放标准》', '☑是　　☐否', '请提供环境影响评价文件中，相关领域的检测报告']);
    expect(row12(40)[2]).toBe('☑是　　☐否');
    for (const [no, note] of [
      [24, '请提供复印件'],
      [35, '请提供制度文件+执行情况'],
      [37, '请提供制度文件+执行情况'],
      [41, '请提供复印件'],
      [45, '请提供培训记录'],
    ] as const) {
      expect(row12(no).at(-1), String(no)).toBe(note);
    }
    expect(all).toContain('注：纸面不敷、可另附页。');
    expect(doc.paragraphs).toContain('声明：以上所有材料真实有效，有据可查，如有虚假，愿意承担相应法律责任。');
    expect(doc.paragraphs).toContain('法定代表人（签字）：张伟');
    expect(doc.paragraphs).toContain('（申请单位公章）');
  });

  it('has 表1-3 filled from the provincial opinion', () => {
    expect(doc.paragraphs).toContain('表1-3');
    expect(doc.paragraphs).toContain('省级工业和信息化主管部门审核意见表');
    expect(doc.paragraphs).toContain('填表人：王强　联系电话：025-80000000　联系邮箱：gxt@example.gov.cn');
    expect(t13![0]).toEqual(['申请企业', '某某动力再制造有限公司（一号厂区）']);
    expect(t13![1]).toEqual(['再制造产品类型', '再制造柴油发动机、工程机械发动机总成']); // 表1-1's own wording when given
    expect(t13![2]).toEqual(['申请时间', '2026年11月23日']);
    expect(t13![3]![0]).toBe('省级工业和信息化主管部门意见：经审核，该企业符合《机电产品再制造行业规范条件》要求，同意推荐。');
    expect(t13![4]).toEqual(['经办人签字：王强', '负责人签字：赵敏', '单位公章']);
    expect(t13![5]).toEqual(['', '', '2026年12月1日']);
  });

  it('converts to PDF with LibreOffice', { timeout: 150_000 }, (ctx) => {
    requireTool(ctx, sofficeUnavailable());
    const dir = mkdtempSync(join(tmpdir(), 'app-docx-'));
    tmpDirs.push(dir);
    const file = join(dir, 'application.docx');
    writeFileSync(file, buf);
    const res = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
      timeout: 120_000,
      encoding: 'utf8',
    });
    expect(res.error, res.stderr).toBeUndefined();
    expect(readdirSync(dir)).toContain('application.pdf');
    const pdf = readFileSync(join(dir, 'application.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });
});

describe('renderApplicationDocx: an empty draft', async () => {
  const form: ApplicationForm = {};
  const buf = await renderApplicationDocx(input(form, { state: 'draft', submittedAt: null, provincialOpinion: null, form }));
  const doc = await unpack(buf);
  const t12 = doc.tables[1]!;
  const t13 = doc.tables[2]!;
  const row12 = (no: number) => withoutGroup(t12.find((r) => r[0] === String(no))!);

  it('prints blanks for the dates and the declaration', () => {
    expect(doc.paragraphs).toContain('申请日期：　　　年　　月　　日');
    expect(doc.paragraphs).toContain('申请企业法定代表人（签字）：　　　　　　');
    expect(doc.paragraphs).toContain('企业声明');
  });

  it('prints every outline sub-item with blank lines', () => {
    for (const c of ['一、企业基本情况', '六、其他需要说明的情况']) expect(doc.paragraphs).toContain(c);
    const at = doc.paragraphs.indexOf('（如有）');
    expect(doc.paragraphs.slice(at + 1, at + 4)).toEqual(['', '', '']);
    expect(doc.xml).toContain('<w:between ');
  });

  it('still has all 46 rows of 表1-2, with nothing computed', () => {
    const numbers = t12.map((r) => r[0]).filter((x) => /^\d+$/.test(x!)).map(Number);
    expect(numbers).toEqual(Array.from({ length: 46 }, (_, i) => i + 1));
    expect(t12.flat().join('\n')).not.toMatch(/\d\.\d\d%/);
    expect(row12(8)[2]).toBe('　　　年　　　　万元　　　年　　　　万元　　　年　　　　万元共计：　　　　万元');
    expect(row12(25)[2]).toBe('　　　（%）');
    expect(row12(38)[2]).toBe('☐是　　☐否');
    expect(row12(5)[1]).toBe('☐自有　　☐租赁　　租赁年限：　　　年');
    expect(row12(31)[2]).toBe('证书编号：　　　　　　有效期至：　　　年　　月　　日');
  });

  it('takes 表1-1 master data from the enterprise record', () => {
    const t11 = doc.tables[0]!;
    expect(t11.find((r) => r[0] === '企业类型')![1]).toContain('民营☑');
    expect(t11.find((r) => r[0] === '联系人')).toEqual(['联系人', '李娜', '手机', '13800000002']);
    expect(t11.find((r) => r[0] === '员工人数')).toEqual(['员工人数', '', '技术人员数', '']);
  });

  it('leaves 表1-3 blank without a provincial opinion', () => {
    expect(doc.paragraphs).toContain('填表人：　　　　　联系电话：　　　　　　联系邮箱：　　　　　　');
    expect(t13[2]).toEqual(['申请时间', '　　　年　　月　　日']);
    expect(t13[3]).toEqual(['省级工业和信息化主管部门意见：']);
    expect(t13[4]).toEqual(['经办人签字：', '负责人签字：', '单位公章']);
    expect(t13[5]).toEqual(['', '', '　　　年　　月　　日']);
  });
});

describe('renderApplicationDocx: text that XML cannot carry', () => {
  it('drops control characters so that Word can open the file', async () => {
    const form = completeApplicationForm();
    form.outline!.s1_basic = '成立于2015年\u0007，民营企业\u0000。';
    const doc = await unpack(await renderApplicationDocx(input(form)));
    expect(doc.xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(doc.paragraphs).toContain('成立于2015年，民营企业。');
  });
});

describe('renderTable13Docx: 表1-3 alone, to print and stamp (issue 16 item 13)', async () => {
  const form = completeApplicationForm();
  const doc = await unpack(await renderTable13Docx(input(form)));
  it('has only 表1-3, filled as in the full 申请书, on A4', () => {
    expect(doc.tables).toHaveLength(1);
    const [t13] = doc.tables;
    expect(doc.paragraphs).toContain('表1-3');
    expect(doc.paragraphs).toContain('省级工业和信息化主管部门审核意见表');
    expect(doc.paragraphs).toContain('填表人：王强　联系电话：025-80000000　联系邮箱：gxt@example.gov.cn');
    expect(t13![0]).toEqual(['申请企业', '某某动力再制造有限公司（一号厂区）']);
    expect(t13![3]![0]).toBe('省级工业和信息化主管部门意见：经审核，该企业符合《机电产品再制造行业规范条件》要求，同意推荐。');
    expect(t13![4]).toEqual(['经办人签字：王强', '负责人签字：赵敏', '单位公章']);
    expect(doc.xml).toContain('w:w="11906"'); // A4 width in twips
    expect(doc.paragraphs.join('\n')).not.toContain('填写须知');
  });
  it('is blank for the authority to fill by hand when there is no opinion yet', async () => {
    const blank = await unpack(await renderTable13Docx(input(form, { provincialOpinion: null })));
    expect(blank.tables[0]![4]).toEqual(['经办人签字：', '负责人签字：', '单位公章']);
  });
});

describe('date helpers', () => {
  it('formats ISO dates and Shanghai calendar dates', () => {
    expect(zhDate('2026-01-05')).toBe('2026年1月5日');
    expect(zhDate(null)).toBe('');
    expect(zhDate('2026/01/05')).toBe('');
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(shanghaiDate(null)).toBeNull();
  });
});

/** A 表1-2 row without its group cell (docx writes a continuation cell for it in every row of a group). */
function withoutGroup(row: string[]): string[] {
  return [row[0]!, ...row.slice(2)];
}
