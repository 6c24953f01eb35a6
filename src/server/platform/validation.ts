import { z } from 'zod';

/**
 * Shared pieces of request validation. Custom messages carry both languages in the Zod message, joined by
 * BI_SEPARATOR (built-in checks such as min() keep only the message, not params); the error handler splits
 * them into message (zh) and messageEn.
 */
export const BI_SEPARATOR = '\u241e';
export const bi = (en: string, zh: string) => ({ message: `${en}${BI_SEPARATOR}${zh}`, params: { zh } });

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), bi('Must be a date YYYY-MM-DD', '日期格式须为 YYYY-MM-DD'));

export const uuid = () => z.uuid(bi('Must be a UUID', '必须是 UUID'));
