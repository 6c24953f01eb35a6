import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { localeModules } from './scripts/vite-locales.js';

/**
 * Writes `<file>.br` and `<file>.gz` next to every emitted text file over 1 KiB, once, at build time (brotli at
 * its highest quality: the cost is paid by the build, not by each request). The server sends them to browsers
 * that accept them (src/server/platform/web-static.ts, @fastify/static `preCompressed`). docs/ux.md has the figures.
 */
function precompress(): Plugin {
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'reman-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const files = Object.keys(bundle).filter((f) => /\.(js|mjs|css|html|svg|json|txt)$/.test(f));
      for (const f of files) {
        const data = await readFile(join(dir, f));
        if (data.length < 1024) continue;
        const [b, g] = await Promise.all([
          br(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
          gz(data, { level: 9 }),
        ]);
        await writeFile(join(dir, `${f}.br`), b);
        await writeFile(join(dir, `${f}.gz`), g);
      }
    },
  };
}

// Web app (src/web) build. Vite 8 transforms TSX itself through Oxc, so no
// React plugin is needed; we only ask for the automatic JSX runtime.
const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

const backend = 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  plugins: [localeModules(), precompress()],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // rc form and its validator declare no `sideEffects`: taken as side-effect free (they are), so importing one
      // context from their index does not import the whole form for its "effects" (issue 16 item 18)
      treeshake: {
        moduleSideEffects: [{ test: /node_modules[\\/]@rc-component[\\/](form|async-validator)[\\/]/, sideEffects: false }],
      },
      // antd ships "use client" directives that mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // Groups pull their dependencies in with them, so the most basic
        // libraries get the highest priority (react before echarts). antd is left to the
        // default splitting: each lazy page pulls only the components it uses.
        codeSplitting: {
          groups: [
            // antd's Form (rc form + async-validator): only the pages with a form load it, not the start (issue 16 item 18)
            {
              name: 'form',
              test: (id: string) =>
                /node_modules[\\/](@rc-component[\\/](form|async-validator)|antd[\\/]es[\\/]form)[\\/]/.test(id) &&
                // …but not the contexts every antd component reads (ConfigProvider's validateMessages, Space.Compact)
                !/(antd[\\/]es[\\/]form[\\/](context|validateMessagesContext|hooks[\\/]useVariants)|@rc-component[\\/]form[\\/]es[\\/]FormContext)\.js$/.test(id),
              priority: 20,
              includeDependenciesRecursively: false,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 10 },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack|cookie|set-cookie-parser)[\\/]/,
              priority: 30,
            },
          ],
        },
      },
    },
  },
});
