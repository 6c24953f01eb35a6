import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * ExcelJS 4.4's streaming WorkbookReader reads the .xlsx in one pass over its local entries (unzipper's `Parse`)
 * and needs `xl/workbook.xml` before it can name a worksheet. Workbooks written by ExcelJS (our own templates,
 * filled in and uploaded back) store `xl/workbook.xml` after the worksheets, and that pass now and then ends without
 * delivering it: the reader then throws "Cannot read properties of undefined (reading 'sheets')" and a good upload was
 * refused as unreadable — about 1 read in 200 when eight uploads were read at once (upstream exceljs#3064; seen in
 * CI as one of eight concurrent 表2-3 uploads answering XLSX_UNREADABLE).
 *
 * The upload is in memory already, so this reader opens the archive through its central directory (unzipper's
 * `Open.buffer`, the library ExcelJS itself uses) and hands ExcelJS the parts in the order it needs them: relationships,
 * workbook, shared strings, styles, then the worksheets in sheet order. The worksheets are still inflated and parsed
 * row by row as the caller iterates; only the (capped) compressed file is held, as before.
 */
interface ZipFile {
  path: string;
  stream(): Readable;
}
const require = createRequire(import.meta.url);
const unzipper = require('unzipper') as { Open: { buffer(buf: Buffer): Promise<{ files: ZipFile[] }> } };

/** The WorkbookReader steps this subclass calls in a fixed order (ExcelJS 4.4, lib/stream/xlsx/workbook-reader.js). */
interface ReaderSteps {
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

export class DirectoryWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  readonly #zip: Buffer;

  constructor(zip: Buffer, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) {
    // the base class keeps `input` only for its own one-pass parse, which this class replaces
    super(undefined as unknown as string, options);
    this.#zip = zip;
  }

  override async *parse(): AsyncGenerator<unknown> {
    const steps = this as unknown as ReaderSteps;
    const { files } = await unzipper.Open.buffer(this.#zip);
    const part = (path: string) => files.find((f) => f.path === path);
    const rels = part('xl/_rels/workbook.xml.rels');
    const workbook = part('xl/workbook.xml');
    if (!rels || !workbook) throw new Error('not a workbook: xl/workbook.xml or its relationships are missing');
    await steps._parseRels(rels.stream());
    await steps._parseWorkbook(workbook.stream());
    const sharedStrings = part('xl/sharedStrings.xml');
    if (sharedStrings) yield* steps._parseSharedStrings(sharedStrings.stream());
    const styles = part('xl/styles.xml');
    if (styles) await steps._parseStyles(styles.stream());
    const sheets = files
      .map((f) => ({ f, no: SHEET.exec(f.path)?.[1] }))
      .filter((s): s is { f: ZipFile; no: string } => s.no !== undefined)
      .sort((a, b) => Number(a.no) - Number(b.no));
    // hyperlinks are not read (the options say 'ignore'); each sheet is opened only when the caller reaches it
    for (const { f, no } of sheets) yield* steps._parseWorksheet(lazy(f), no);
  }
}

/** The sheet's inflated chunks, starting the inflation only when iterated. */
async function* lazy(f: ZipFile): AsyncGenerator<Buffer> {
  for await (const chunk of f.stream()) yield chunk as Buffer;
}
