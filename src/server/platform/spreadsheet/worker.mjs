// Piscina worker entry: the reader is TypeScript, so register tsx in this thread (worker threads do not
// inherit the main thread's loader, whether the server runs under `npm start`, `tsx` or Vitest).
import './exceljs-utf8.mjs'; // before ExcelJS loads: chunk-safe UTF-8 decoding of the sheet XML
import { register } from 'tsx/esm/api';

register();
const { readSpreadsheetTask } = await import('./read.ts');
export default readSpreadsheetTask;
