/** @module Localised text: every text a user reads exists in Danish and English. */
import { z } from 'zod';

export const locales = ['da', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;
export const defaultLocale: Locale = 'da';

const nonBlank = z.string().trim().min(1);

export const localizedTextSchema = z.strictObject({ da: nonBlank, en: nonBlank });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Stable identifiers in content: lower-case words joined by hyphens, e.g. `digital-selvbetjening`. */
export const contentIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and single hyphens)')
  .max(64);
