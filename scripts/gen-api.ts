/**
 * `npm run gen:api` — the web's API types, generated from the app's own OpenAPI document.
 *
 * Builds the app in-process on an in-memory PGlite (no demo data, no web; the demo-only routes included), takes `app.swagger()` (produced
 * from the same Zod schemas that validate requests and serialise responses) and writes its TypeScript
 * types with openapi-typescript to src/web/api/schema.gen.ts.
 *
 * `npm run gen:api -- --check` writes nothing and exits 1 when the committed file differs (CI).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { shiftableClock } from '../src/server/platform/clock.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'src/web/api/schema.gen.ts');

const HEADER = `/**
 * generated — do not edit.
 * The API's OpenAPI document as TypeScript types (openapi-typescript). Regenerate with \`npm run gen:api\`;
 * CI runs \`npm run gen:api -- --check\`.
 */

`;

/**
 * The document without the component schemas no path reaches (the Zod provider registers an input and an
 * output variant of every named schema; most input variants are never referenced).
 */
function withoutUnusedSchemas(document: OpenAPI3): OpenAPI3 {
  const schemas = (document.components?.schemas ?? {}) as Record<string, unknown>;
  const used = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const name = key === '$ref' && typeof value === 'string' ? value.match(/^#\/components\/schemas\/(.+)$/)?.[1] : undefined;
      if (name && !used.has(name)) {
        used.add(name);
        walk(schemas[name]);
      } else walk(value);
    }
  };
  walk(document.paths);
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...document.components, schemas: kept as NonNullable<OpenAPI3['components']>['schemas'] } };
}

async function generate(): Promise<string> {
  const config = loadConfig({ REMAN_DEMO: '0', LOG_LEVEL: 'silent' });
  const database = await openDatabase({ dataDir: 'memory://' });
  // a shiftable clock, as in demo mode, so that the demo-only date-shift route is documented too
  const app = await buildApp({ config, database, serveWeb: false, clock: shiftableClock() });
  try {
    await app.ready();
    const document = withoutUnusedSchemas(app.swagger() as unknown as OpenAPI3);
    const ast = await openapiTS(document, { silent: true });
    return HEADER + astToString(ast);
  } finally {
    await app.close();
  }
}

const check = process.argv.includes('--check');
const generated = await generate();
const current = await readFile(target, 'utf8').catch(() => null);
const name = relative(root, target);
if (check) {
  if (current !== generated) {
    console.error(`${name} is not current: the server's route schemas changed. Run \`npm run gen:api\` and commit the file.`);
    process.exit(1);
  }
  console.log(`${name} is current`);
} else if (current === generated) {
  console.log(`${name} unchanged`);
} else {
  await writeFile(target, generated);
  console.log(`${name} written`);
}
