/**
 * @module A small framework for tests: areas of competences on a 1–4 scale, each text its id (English with " (en)").
 * Only tests import it.
 */
import type { FrameworkDocument } from './framework.ts';

const text = (words: string) => ({ da: words, en: `${words} (en)` });

const competence = (id: string, name: string) => ({
  id,
  name: text(name),
  description: text(id),
  levels: [1, 2, 3, 4].map((level) => ({ level, behaviour: text(`${id} ${level}`) })),
  evidencePrompts: [],
});

/**
 * `{ a: ['a1', 'a2'], b: ['b1'] }` → areas `a` and `b` with those competences. Areas are named by `areaName`, and
 * competences by `competenceName` (default: the id).
 */
export function testFramework(
  areas: Record<string, string[]>,
  names: { areaName?: (id: string) => string; competenceName?: (id: string) => string } = {},
): FrameworkDocument {
  const areaName = names.areaName ?? ((id) => id.toUpperCase());
  const competenceName = names.competenceName ?? ((id) => id);
  return {
    key: 'test',
    name: text('Test'),
    description: text('Test'),
    scale: {
      levels: [1, 2, 3, 4].map((level) => ({ level, name: text(`L${level}`), meaning: text(`M${level}`) })),
      cannotAssess: { name: text('Kan ikke vurdere'), meaning: text('-') },
    },
    areas: Object.entries(areas).map(([id, competenceIds]) => ({
      id,
      name: text(areaName(id)),
      description: text(areaName(id)),
      competences: competenceIds.map((competenceId) =>
        competence(competenceId, competenceName(competenceId)),
      ),
    })),
  };
}
