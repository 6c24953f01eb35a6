// ExcelJS 4.4's streaming reader decodes every inflated chunk of the sheet XML on its own
// (exceljs/lib/utils/parse-sax.js: `saxesParser.write(bufferToString(chunk))`), so a multi-byte UTF-8 character
// that a chunk boundary splits becomes U+FFFD: in a 3,000-row import of Chinese names, every 512th row's name
// arrived as "���针旧件1046". This module installs a parse-sax with the same interface that decodes the stream
// with one StringDecoder (which holds an incomplete character until its next bytes arrive). It must run before
// ExcelJS is loaded in the thread: the reader's worker (worker.mjs) imports it first. Test:
// test/unit/spreadsheet-utf8.test.ts.
import Module, { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';

const require = createRequire(import.meta.url);
const path = require.resolve('exceljs/lib/utils/parse-sax.js');
const { SaxesParser } = require(require.resolve('saxes', { paths: [path] }));
const { PassThrough } = require(require.resolve('readable-stream', { paths: [path] }));

async function* parseSax(iterable) {
  if (iterable.pipe && !iterable[Symbol.asyncIterator]) iterable = iterable.pipe(new PassThrough());
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error;
  parser.on('error', (err) => (error = err));
  let events = [];
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk.buffer ?? chunk, chunk.byteOffset ?? 0, chunk.byteLength ?? chunk.length)));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

if (require.cache[path]) throw new Error('exceljs-utf8.mjs must be imported before ExcelJS is loaded');
const patched = new Module(path);
patched.filename = path;
patched.loaded = true;
patched.exports = parseSax;
require.cache[path] = patched;
