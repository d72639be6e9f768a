import { describe, expect, it } from 'vitest';
import type { FrameworkDocument } from './framework.ts';
import { diffFrameworks } from './framework-diff.ts';
import { smallFramework, text } from './framework-fixture.ts';

type Edit = (framework: FrameworkDocument) => void;

const area = (framework: FrameworkDocument, id: string) => framework.areas.find((entry) => entry.id === id)!;
const competence = (framework: FrameworkDocument, id: string) =>
  framework.areas.flatMap((entry) => entry.competences).find((entry) => entry.id === id)!;

/** Applies edits to a copy of the small framework: the "after" side of a diff. */
const edited = (...edits: Edit[]): FrameworkDocument => {
  const copy = structuredClone(smallFramework());
  for (const edit of edits) edit(copy);
  return copy;
};

describe('diffFrameworks', () => {
  it.each<
    [string, Edit[], Partial<Record<'added' | 'retired' | 'renamed' | 'moved' | 'levelsChanged', number>>]
  >([
    ['nothing', [], {}],
    [
      'a competence added to an area',
      [
        (f) =>
          area(f, 'kommunikation').competences.push({
            ...competence(f, 'spoergeteknik'),
            id: 'skriftlighed',
            name: text('Skriftlighed'),
          }),
      ],
      { added: 1 },
    ],
    ['a competence retired', [(f) => area(f, 'kommunikation').competences.splice(1, 1)], { retired: 1 }],
    [
      'a competence renamed',
      [(f) => (competence(f, 'spoergeteknik').name = text('Spørgsmål'))],
      { renamed: 1 },
    ],
    [
      'a competence moved to another area',
      [
        (f) => {
          const [moved] = area(f, 'kommunikation').competences.splice(0, 1);
          area(f, 'paedagogik').competences.push(moved!);
        },
      ],
      { moved: 1 },
    ],
    [
      'one level description changed',
      [(f) => (competence(f, 'medbetjening').levels[2]!.behaviour = text('Lærer kolleger op'))],
      { levelsChanged: 1 },
    ],
    ['an area retired with its competences', [(f) => f.areas.splice(1, 1)], { retired: 1 }],
  ])('counts %s', (_, edits, expected) => {
    const diff = diffFrameworks(smallFramework(), edited(...edits));
    expect(diff.counts).toEqual({
      added: 0,
      retired: 0,
      renamed: 0,
      moved: 0,
      levelsChanged: 0,
      ...expected,
    });
    expect(diff.unchanged).toBe(edits.length === 0);
  });

  it('groups changes by the area they are in now, with the old and the new text side by side', () => {
    const diff = diffFrameworks(
      smallFramework(),
      edited(
        (f) => (competence(f, 'spoergeteknik').name = text('Spørgsmål')),
        (f) => (competence(f, 'spoergeteknik').levels[0]!.behaviour = text('Stiller lukkede spørgsmål')),
      ),
    );
    expect(diff.areas).toEqual([
      {
        areaId: 'kommunikation',
        status: 'changed',
        name: text('Kommunikation'),
        renamed: null,
        description: null,
        competences: [
          {
            competenceId: 'spoergeteknik',
            status: 'changed',
            name: text('Spørgsmål'),
            renamed: { before: text('Spørgeteknik'), after: text('Spørgsmål') },
            movedFrom: null,
            description: null,
            levels: [{ level: 1, before: text('spoergeteknik 1'), after: text('Stiller lukkede spørgsmål') }],
            evidencePrompts: null,
          },
        ],
      },
    ]);
  });

  it('lists a moved competence under its new area, saying where it came from', () => {
    const diff = diffFrameworks(
      smallFramework(),
      edited((f) => {
        const [moved] = area(f, 'kommunikation').competences.splice(0, 1);
        area(f, 'paedagogik').competences.push(moved!);
      }),
    );
    expect(diff.areas.map((entry) => entry.areaId)).toEqual(['paedagogik']);
    expect(diff.areas[0]!.competences[0]).toMatchObject({
      competenceId: 'spoergeteknik',
      status: 'changed',
      movedFrom: { areaId: 'kommunikation', name: text('Kommunikation') },
    });
  });

  it('shows a new area as added, and a retired area last with what it held', () => {
    const diff = diffFrameworks(
      smallFramework(),
      edited(
        (f) => f.areas.splice(1, 1),
        (f) =>
          f.areas.push({
            id: 'it',
            name: text('IT'),
            description: text('Digitalt'),
            competences: [
              { ...competence(smallFramework(), 'medbetjening'), id: 'mitid', name: text('MitID') },
            ],
          }),
      ),
    );
    expect(diff.areas.map((entry) => [entry.areaId, entry.status])).toEqual([
      ['it', 'added'],
      ['paedagogik', 'retired'],
    ]);
    expect(diff.areas[1]!.competences.map((entry) => [entry.competenceId, entry.status])).toEqual([
      ['medbetjening', 'retired'],
    ]);
  });

  it('names an area renamed and the scale level names and meanings changed', () => {
    const diff = diffFrameworks(
      smallFramework(),
      edited(
        (f) => (area(f, 'paedagogik').name = text('Pædagogik og coaching')),
        (f) => (f.scale.levels[1]!.name = text('Kan selv')),
        (f) => (f.scale.cannotAssess.meaning = text('Har ikke set det')),
      ),
    );
    expect(diff.areas).toMatchObject([
      { areaId: 'paedagogik', renamed: { before: text('Pædagogik'), after: text('Pædagogik og coaching') } },
    ]);
    expect(diff.scale).toEqual([
      { level: 2, name: { before: text('L2'), after: text('Kan selv') }, meaning: null },
      { level: 0, name: null, meaning: { before: text('ikke set'), after: text('Har ikke set det') } },
    ]);
  });

  it('notices a change of only one language', () => {
    const diff = diffFrameworks(
      smallFramework(),
      edited((f) => (competence(f, 'medbetjening').description.en = 'Co-serves the citizen')),
    );
    expect(diff.areas[0]!.competences[0]!.description?.after.en).toBe('Co-serves the citizen');
    expect(diff.unchanged).toBe(false);
  });

  it('reports a new order, and nothing else, when only the order changed', () => {
    const diff = diffFrameworks(
      smallFramework(),
      edited((f) => f.areas.reverse()),
    );
    expect(diff).toMatchObject({ areas: [], reordered: true, unchanged: false });
  });
});
