/// <reference types="vite/client" />
/**
 * Sample bodies for the routes × roles matrix, one file per capability (`<area>.bodies.ts`), so that
 * each module adds its write routes without touching the matrix itself. Each file exports
 * `bodies(world)` returning `{ 'METHOD /url/:param': body }`, aimed at foreign objects where it can.
 */
export interface MatrixWorld {
  home: Record<string, string>;
  foreign: Record<string, string>;
}
type AreaModule = { bodies: (w: MatrixWorld) => Record<string, unknown> };

const areas = import.meta.glob<AreaModule>('./*.bodies.ts', { eager: true });

export function areaBodies(world: MatrixWorld): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [file, mod] of Object.entries(areas)) {
    for (const [key, body] of Object.entries(mod.bodies(world))) {
      if (key in out) throw new Error(`routes-matrix: ${key} has a sample body in two files (${file})`);
      out[key] = body;
    }
  }
  return out;
}
