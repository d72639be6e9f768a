/** @module The rating scale: ordered levels, each with a name and a one-line meaning, plus "cannot assess". */
import { z } from 'zod';
import { type LocalizedText, localizedTextSchema } from './text.ts';

/** The scale's shape with a given text rule: complete texts for a published version, any text for a draft. */
export function scaleSchemaWith(text: z.ZodType<LocalizedText, LocalizedText>) {
  const level = z.strictObject({
    /** 1 is the lowest level; levels are numbered 1..n without gaps. */
    level: z.number().int().min(1).max(10),
    name: text,
    meaning: text,
  });
  return z
    .strictObject({
      levels: z.array(level).min(2).max(10),
      /** Offered beside the levels so nobody has to guess; never counted as a level. */
      cannotAssess: z.strictObject({ name: text, meaning: text }),
    })
    .superRefine((scale, ctx) => {
      scale.levels.forEach((entry, index) => {
        if (entry.level !== index + 1) {
          ctx.addIssue({
            code: 'custom',
            path: ['levels', index, 'level'],
            message: `levels must be numbered 1..n in order; expected ${index + 1}, found ${entry.level}`,
            params: { kind: 'invalid' },
          });
        }
      });
    });
}

export const scaleSchema = scaleSchemaWith(localizedTextSchema);
export const scaleLevelSchema = scaleSchema.shape.levels.element;

export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type Scale = z.infer<typeof scaleSchema>;

export const levelNumbers = (scale: Scale): number[] => scale.levels.map((entry) => entry.level);
