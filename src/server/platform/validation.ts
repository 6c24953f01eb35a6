import { z } from 'zod';

/**
 * Shared pieces of request validation. Custom messages carry both languages: the English text as the Zod
 * message and the Chinese one in params.zh (the error handler shows both).
 */
export const bi = (en: string, zh: string) => ({ message: en, params: { zh } });

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), bi('Must be a date YYYY-MM-DD', '日期格式须为 YYYY-MM-DD'));

export const uuid = () => z.uuid(bi('Must be a UUID', '必须是 UUID'));
