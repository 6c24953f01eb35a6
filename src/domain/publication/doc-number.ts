/**
 * 公告文号: MIIT numbers its announcements per calendar year, "工业和信息化部公告 YYYY年第N号"
 * (domain notes; e.g. 工业和信息化部公告 2023年第37号). The number proposed for a new batch follows the
 * highest number of that year already used — never the count of the year's batches, which falls behind as
 * soon as a number was imported or typed by hand (issue 16 item 6: 第3号 proposed after 第9号).
 */

/** The usual form: 工业和信息化部公告 YYYY年第N号. */
export function docNumberOf(year: number, n: number): string {
  return `工业和信息化部公告 ${year}年第${n}号`;
}

/** The N of a document number of `year` ("2026年第9号", "〔2026〕9号"), or null when it is not one of that year. */
export function numberInYear(docNumber: string, year: number): number | null {
  const m = /(\d{4})\s*年\s*第\s*(\d+)\s*号/.exec(docNumber) ?? /〔(\d{4})〕\s*第?\s*(\d+)\s*号/.exec(docNumber);
  if (!m || Number(m[1]) !== year) return null;
  return Number(m[2]);
}

/** The next number of `year` given the document numbers already used: the highest of the year + 1 (1 for a new year). */
export function nextDocNumber(year: number, used: readonly string[]): string {
  let max = 0;
  for (const d of used) {
    const n = numberInYear(d, year);
    if (n != null && n > max) max = n;
  }
  return docNumberOf(year, max + 1);
}
