import type { ComponentType } from 'react';
import type { StepResult } from '../traceApi';

/** The current work, kept in sessionStorage so each step pre-fills the next. */
export interface Work {
  coreEpc?: string;
  coreName?: string;
  coreModel?: string;
  parts?: { epc: string; name: string }[];
  decisions?: Record<string, 'reuse' | 'remanufacture' | 'replace' | 'scrap'>;
  productCode?: string;
  /** After a removal: the product's EPC, to be taken in as the core of its next life. */
  nextLifeEpc?: string;
  nextLifeName?: string;
}

export type Values = Record<string, unknown> & {
  eventTime?: string;
  note?: string;
  /** 生产场地 (issue 15 item 14): the site's id; asked only when the enterprise has several */
  site?: string;
};

/** What every step sends besides its own fields. */
export interface CommonBody {
  eventTime?: string;
  note?: string;
  site?: string;
}

/**
 * One lifecycle step's form: its fields, their values pre-filled from the work so far, the request body the
 * server's step schema validates, and what the recorded step adds to the work.
 */
export interface StepModule {
  Fields: ComponentType;
  initial(work: Work): Values;
  toBody(v: Values, common: CommonBody): unknown;
  /** what the work learns from the recorded step (besides the product made, which every step passes on) */
  after?(r: StepResult, v: Values, work: Work): Partial<Work>;
}

/** EPCs or codes typed one per line (or separated by commas or spaces). */
export const lines = (v: unknown) =>
  String(v ?? '')
    .split(/[\n,，\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
