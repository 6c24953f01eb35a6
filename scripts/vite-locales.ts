import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import type { Dict, LanguageTree } from '../src/web/locales/types.js';

/**
 * One language of the web app's resource tree as its own module (issue 16 item 18): `virtual:reman-locale/zh` and
 * `virtual:reman-locale/en` export `{ area: { key: text } }` for that language only (English plurals as
 * `{ one, other }`), taken from the authoring form in src/web/locales/ (key → [zh, en], both languages side by side).
 * src/web/i18n.ts imports Chinese with the start bundle and English only when a reader switches to it (or has chosen
 * it before), so the first load of /public carries one language, not two.
 *
 * Used by vite.config.ts (build and dev server) and vitest.config.ts (unit tests of src/web/i18n.ts).
 */
const PREFIX = 'virtual:reman-locale/';
const LANGUAGES = { zh: 0, en: 1 } as const;
const INDEX = fileURLToPath(new URL('../src/web/locales/index.ts', import.meta.url));

export function localeModules(): Plugin {
  return {
    name: 'reman-locales',
    resolveId(id) {
      return id.startsWith(PREFIX) && id.slice(PREFIX.length) in LANGUAGES ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const language = id.slice(PREFIX.length + 1) as keyof typeof LANGUAGES;
      // the locale files are plain data (only type imports): read them as they are on disk now
      const { module, dependencies } = await runnerImport<{ areas: Record<string, Dict> }>(INDEX, { configFile: false, logLevel: 'error' });
      this.addWatchFile(INDEX);
      for (const d of dependencies) this.addWatchFile(d);
      const tree: LanguageTree = {};
      for (const [area, dict] of Object.entries(module.areas)) {
        tree[area] = {};
        for (const [key, entry] of Object.entries(dict)) tree[area][key] = entry[LANGUAGES[language]];
      }
      return `export default ${JSON.stringify(tree)};`;
    },
  };
}
