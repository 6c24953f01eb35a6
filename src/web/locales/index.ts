import { commonText } from './common';
import { exchangeText } from './exchange';
import { marketText } from './market';
import { monitoringText } from './monitoring';
import { portalText } from './portal';
import { procedureText } from './procedure';
import { supervisionText } from './supervision';
import { traceText } from './trace';
import type { Dict } from './types';
import { uxText } from './ux';

/**
 * The one resource tree of the web app: one namespace per area. src/web/i18n.ts turns it into i18next resources
 * (`zh-CN` and `en`, one i18next namespace per area); keys stay unique across areas (test/unit/i18n.test.ts), so a
 * page calls `t('market.title')` without naming the namespace.
 */
export const areas = {
  common: commonText,
  procedure: procedureText,
  trace: traceText,
  supervision: supervisionText,
  monitoring: monitoringText,
  market: marketText,
  portal: portalText,
  ux: uxText,
  exchange: exchangeText,
} as const satisfies Record<string, Dict>;

export type Area = keyof typeof areas;
type Union<T> = T[keyof T];
/** Every key of every area. */
export type MessageKey = Union<{ [A in Area]: keyof (typeof areas)[A] & string }>;
