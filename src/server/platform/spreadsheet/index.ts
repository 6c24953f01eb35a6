import { Piscina } from 'piscina';
import { DomainError, errors } from '../errors.js';
import type { ReadResult, SheetRows } from './read.js';

/**
 * The one spreadsheet reader (.xlsx and .csv uploads). Parsing runs in a worker thread (piscina), so a large
 * or hostile file never blocks the event loop; rows are counted while reading and reading stops at the cap;
 * an .xlsx whose entries would inflate beyond the uncompressed cap is refused before anything is inflated,
 * and the worker's heap is bounded in case a file lies about its sizes.
 */
export type { SheetRows } from './read.js';

export interface SpreadsheetLimits {
  /** non-empty rows (header included) over all sheets */
  maxRows: number;
  /** total uncompressed size of an .xlsx's entries */
  maxUncompressedBytes: number;
}

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
const WORKER_HEAP_MB = 512;
const TASK_TIMEOUT_MS = 60_000;

let pool: Piscina | undefined;
function workers(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./worker.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 2,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return pool;
}

/** Stop the worker threads (tests, shutdown); the next read starts them again. */
export async function closeSpreadsheetWorkers(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}

/** The entries a zip's central directory declares, in stored order (null: not a zip we can read). */
function centralDirectory(buf: Buffer): { name: string; size: number }[] | null {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const entries: { name: string; size: number; at: number }[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) return null;
    const nameLength = buf.readUInt16LE(offset + 28);
    entries.push({ name: buf.toString('utf8', offset + 46, offset + 46 + nameLength), size: buf.readUInt32LE(offset + 24), at: buf.readUInt32LE(offset + 42) });
    offset += 46 + nameLength + buf.readUInt16LE(offset + 30) + buf.readUInt16LE(offset + 32);
  }
  return entries.sort((a, b) => a.at - b.at);
}

/**
 * Sum of the uncompressed sizes the zip's central directory declares (null: not a zip we can read). ZIP64
 * markers (0xFFFFFFFF) count as "too large" because no spreadsheet we accept needs them.
 */
export function zipUncompressedSize(buf: Buffer): number | null {
  const entries = centralDirectory(buf);
  return entries && entries.reduce((total, e) => total + (e.size === 0xffffffff ? Number.MAX_SAFE_INTEGER : e.size), 0);
}

/** The names of a zip's entries in the order they are stored (null: not a zip we can read). */
export function zipEntryNames(buf: Buffer): string[] | null {
  return centralDirectory(buf)?.map((e) => e.name) ?? null;
}

const tooManyRows = (maxRows: number, code?: string) =>
  errors.field('file', `单个文件最多 ${maxRows} 行，读取已在第 ${maxRows + 1} 个数据行处停止`, `at most ${maxRows} rows per file; reading stopped at row ${maxRows + 1}`, code);
const unreadable = (kind: 'xlsx' | 'csv', code?: string) =>
  errors.field('file', kind === 'xlsx' ? '无法读取 .xlsx 文件' : '无法读取 .csv 文件', kind === 'xlsx' ? 'the .xlsx file cannot be read' : 'the .csv file cannot be read', code);

/**
 * Read an upload into rows. Throws a 400 naming `file` when it is unreadable, when it holds more than
 * `maxRows` non-empty rows, or (413) when its uncompressed size is over the cap.
 */
export async function readSpreadsheet(
  kind: 'xlsx' | 'csv',
  data: Buffer,
  limits: SpreadsheetLimits,
  codes: { unreadable?: string; tooLarge?: string } = {},
): Promise<{ sheets: SheetRows[]; encoding?: string }> {
  if (kind === 'xlsx') {
    const size = zipUncompressedSize(data);
    if (size === null) throw unreadable(kind, codes.unreadable);
    if (size > limits.maxUncompressedBytes) {
      const mb = Math.round(limits.maxUncompressedBytes / 1024 / 1024);
      throw new DomainError(413, codes.tooLarge ?? 'SPREADSHEET_TOO_LARGE', `表格解压后超过 ${mb} MB 上限`, `The spreadsheet expands beyond the ${mb} MB limit`, [
        { field: 'file', message: `解压后超过 ${mb} MB`, messageEn: `Over ${mb} MB uncompressed` },
      ]);
    }
  }
  let result: ReadResult;
  try {
    // a copy: the upload buffer may be a view into a pooled allocation
    result = await workers().run({ kind, data: new Uint8Array(data), maxRows: limits.maxRows }, { signal: AbortSignal.timeout(TASK_TIMEOUT_MS) });
  } catch {
    // the worker ran out of its heap or time: the file is not one we can read safely
    throw unreadable(kind, codes.unreadable);
  }
  if (!result.ok) throw result.reason === 'rows' ? tooManyRows(limits.maxRows, codes.tooLarge) : unreadable(kind, codes.unreadable);
  return { sheets: result.sheets, encoding: result.encoding };
}
