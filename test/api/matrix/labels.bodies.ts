import type { MatrixWorld } from './index.js';

/** Sample body for the label sheet route: a code no caller owns (foreign or unknown products answer 404). */
export function bodies({ foreign }: MatrixWorld): Record<string, unknown> {
  return {
    'POST /api/v1/trace/labels.pdf': { codes: [`RM-MATRIX-${foreign.enterprise?.slice(0, 8) ?? 'X'}`] },
  };
}
