/** @module The draft editor's document changes and its words for where a problem is. */
import { describe, expect, it } from 'vitest';
import { smallFramework, text } from '../../../domain/framework-fixture.ts';
import {
  competenceFieldId,
  emptyCompetence,
  type FieldWords,
  fieldInWords,
  findCompetence,
  freeId,
  idFromName,
  idsOf,
  missingTexts,
  placeOfPath,
  restoreCompetence,
  retiredSince,
  withArea,
  withCompetence,
  withoutCompetence,
} from './draft-editing.ts';

const ids = (document: ReturnType<typeof smallFramework>) =>
  document.areas.map((area) => [area.id, area.competences.map((competence) => competence.id)]);

describe('new ids', () => {
  it.each([
    ['Overblik over kommunen', 'overblik-over-kommunen'],
    ['  Børn & unge på Ærø  ', 'boern-unge-paa-aeroe'],
    ['Café-vejledning (IT)', 'cafe-vejledning-it'],
    ['!!!', ''],
  ])('%s → %s', (name, id) => {
    expect(idFromName(name)).toBe(id);
  });

  it('adds a number when the id is taken', () => {
    expect(freeId('medbetjening', new Set(['medbetjening', 'medbetjening-2']))).toBe('medbetjening-3');
    expect(freeId('ny', idsOf(smallFramework()))).toBe('ny');
  });
});

describe('changing the document', () => {
  it('saves an edited competence in its place, and a moved one last in its new area', () => {
    const renamed = {
      ...findCompetence(smallFramework(), 'spoergeteknik')!.competence,
      name: text('Spørgsmål'),
    };
    const inPlace = withCompetence(smallFramework(), 'kommunikation', renamed, 'spoergeteknik');
    expect(ids(inPlace)).toEqual(ids(smallFramework()));
    expect(inPlace.areas[0]!.competences[0]!.name).toEqual(text('Spørgsmål'));
    const moved = withCompetence(smallFramework(), 'paedagogik', renamed, 'spoergeteknik');
    expect(ids(moved)).toEqual([
      ['kommunikation', ['formidling']],
      ['paedagogik', ['medbetjening', 'spoergeteknik']],
    ]);
  });

  it('adds a new competence with a place for every level, and an area without competences', () => {
    const scale = smallFramework().scale;
    const added = withCompetence(smallFramework(), 'paedagogik', emptyCompetence('holde-igen', scale));
    expect(ids(added)[1]).toEqual(['paedagogik', ['medbetjening', 'holde-igen']]);
    expect(findCompetence(added, 'holde-igen')!.competence.levels.map((entry) => entry.level)).toEqual([
      1, 2, 3,
    ]);
    expect(missingTexts(emptyCompetence('x', scale))).toBe(10);
    const withIt = withArea(added, { id: 'it', name: text('IT'), description: text('Digitalt') });
    expect(ids(withIt).at(-1)).toEqual(['it', []]);
    const renamedArea = withArea(
      withIt,
      { id: 'it', name: text('IT-kompetencer'), description: text('D') },
      'it',
    );
    expect(renamedArea.areas.at(-1)!.name).toEqual(text('IT-kompetencer'));
  });

  it('takes a competence out, lists it as retired, and puts it back where it was', () => {
    const base = smallFramework();
    const without = withoutCompetence(base, 'spoergeteknik');
    expect(retiredSince(base, without)).toEqual([
      { competence: base.areas[0]!.competences[0], areaId: 'kommunikation', areaName: text('Kommunikation') },
    ]);
    expect(restoreCompetence(without, base, 'spoergeteknik')).toEqual(base);
    expect(restoreCompetence(base, base, 'spoergeteknik')).toBe(base);
  });
});

describe('where a problem is', () => {
  const document = smallFramework();

  it.each([
    [
      'document.areas.1.competences.0.levels.2.behaviour.en',
      {
        page: 'competence',
        areaId: 'paedagogik',
        competenceId: 'medbetjening',
        field: 'levels.2.behaviour.en',
      },
    ],
    ['framework.areas.0.name.da', { page: 'area', areaId: 'kommunikation', field: 'name.da' }],
    ['document.areas.1.competences', { page: 'area', areaId: 'paedagogik', field: 'competences' }],
    ['document.scale.levels.1.name.da', { page: 'framework', field: 'scale.levels.1.name.da' }],
    ['document', { page: 'framework', field: '' }],
    ['document.areas.9.name.da', { page: 'framework', field: 'areas.9.name.da' }],
  ])('%s', (path, place) => {
    expect(placeOfPath(document, path)).toEqual(place);
  });

  const words: FieldWords = {
    name: 'Navn',
    description: 'Beskrivelse',
    id: 'Id',
    levels: 'Niveauer',
    level: (level) => `Niveau ${level}`,
    prompt: (position) => `Spørgsmål ${position}`,
    scale: 'Skala',
    scaleLevel: (level) => `Skalaniveau ${level}`,
    cannotAssess: 'Kan ikke vurdere',
    meaning: 'betydning',
    key: 'Nøgle',
    language: { da: 'dansk', en: 'engelsk' },
    whole: 'Hele rammen',
  };

  it.each([
    ['levels.2.behaviour.en', 'Niveau 3, engelsk'],
    ['name.da', 'Navn, dansk'],
    ['evidencePrompts.0.en', 'Spørgsmål 1, engelsk'],
    ['scale.levels.1.meaning.da', 'Skalaniveau 2, betydning, dansk'],
    ['scale.cannotAssess.name.en', 'Kan ikke vurdere, engelsk'],
    ['', 'Hele rammen'],
  ])('%s in words: %s', (field, expected) => {
    expect(fieldInWords(field, words, document.areas[0]!.competences[0]!.levels)).toBe(expected);
  });

  it('finds the form field of a competence field', () => {
    const levels = document.areas[0]!.competences[0]!.levels;
    expect(competenceFieldId('levels.2.behaviour.en', levels)).toBe('competence-level-3-en');
    expect(competenceFieldId('levels', levels)).toBe('competence-level-1-da');
    expect(competenceFieldId('description.en', levels)).toBe('competence-description-en');
    expect(competenceFieldId('evidencePrompts.1.da', levels)).toBe('competence-prompt-1-da');
  });
});
