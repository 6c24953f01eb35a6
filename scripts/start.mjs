// `npm start`: build the web app on first start (when dist/web is missing), then run the server.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist/web/index.html'))) {
  console.log('首次启动：正在构建前端 / first start: building the web app (vite build)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('web build failed');
    process.exit(r.status ?? 1);
  }
}
register();
await import('../src/server/main.ts');
