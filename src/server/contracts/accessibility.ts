/** @module Contracts of the accessibility statement: who to tell about a problem. */
import { z } from 'zod';

export const accessibilityStatementSchema = z
  .strictObject({
    /** The municipality the statement speaks for; null before login on an installation of several. */
    municipality: z.string().nullable(),
    /** How to report a problem, as the municipality wrote it; null when it has not, and the page gives its default. */
    contact: z.string().nullable(),
  })
  .meta({ id: 'AccessibilityStatement' });
export type AccessibilityStatement = z.infer<typeof accessibilityStatementSchema>;

export const accessibilityContactInputSchema = z
  .strictObject({
    /** E-mail, phone and opening hours, as citizens and staff should read them. Empty brings back the default. */
    contact: z.string().trim().max(1000),
  })
  .meta({ id: 'AccessibilityContactInput' });
export type AccessibilityContactInput = z.infer<typeof accessibilityContactInputSchema>;
