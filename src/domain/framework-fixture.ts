/** @module A small framework for the domain's tests: two areas, three competences, a three-level scale. */
import type { FrameworkDocument } from './framework.ts';
import type { LocalizedText } from './text.ts';

export const text = (words: string): LocalizedText => ({ da: words, en: `${words} (en)` });

const competence = (id: string, name: string) => ({
  id,
  name: text(name),
  description: text(`${name} beskrevet`),
  levels: [1, 2, 3].map((level) => ({ level, behaviour: text(`${id} ${level}`) })),
  evidencePrompts: [text(`Beskriv en situation med ${name}`)],
});

export const smallFramework = (): FrameworkDocument => ({
  key: 'lille-ramme',
  name: text('Lille ramme'),
  description: text('Til test'),
  scale: {
    levels: [1, 2, 3].map((level) => ({ level, name: text(`L${level}`), meaning: text(`betyder ${level}`) })),
    cannotAssess: { name: text('Kan ikke vurdere'), meaning: text('ikke set') },
  },
  areas: [
    {
      id: 'kommunikation',
      name: text('Kommunikation'),
      description: text('Tale og skrift'),
      competences: [competence('spoergeteknik', 'Spørgeteknik'), competence('formidling', 'Formidling')],
    },
    {
      id: 'paedagogik',
      name: text('Pædagogik'),
      description: text('Hjælp til selvhjælp'),
      competences: [competence('medbetjening', 'Medbetjening')],
    },
  ],
});
