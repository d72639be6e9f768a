import { describe, expect, it } from 'vitest';
import { defaultFramework } from '../../../../content/index.ts';
import { type EntryValues, entryProblems, fieldsWithCpr, searchCompetences } from './practice-form.ts';

const complete: EntryValues = {
  occurredOn: '2026-05-12',
  channel: 'counter',
  helpLevel: 'co_service',
  competenceIds: ['medbetjening'],
  whatWorked: 'Borgeren udfyldte selv ansøgningen.',
  tryNext: '',
  goalId: '',
  themeDayTaskId: '',
  shared: false,
  talkingPoint: false,
};

describe('entryProblems', () => {
  it('finds nothing wrong with a complete entry', () => {
    expect(entryProblems(complete, '2026-05-12')).toEqual([]);
  });

  it.each([
    [{ occurredOn: '' }, 'occurredOn', 'date'],
    [{ occurredOn: '2026-05-13' }, 'occurredOn', 'dateFuture'],
    [{ channel: '' }, 'channel', 'channel'],
    [{ helpLevel: '' }, 'helpLevel', 'helpLevel'],
    [{ competenceIds: [] }, 'competenceIds', 'competences'],
    [{ competenceIds: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'competenceIds', 'tooMany'],
    [{ whatWorked: '  ' }, 'whatWorked', 'whatWorked'],
    [{ whatWorked: 'Borgeren 010190-1234 kom igen' }, 'whatWorked', 'cpr'],
    [{ tryNext: 'Ring til 0101901234' }, 'tryNext', 'cpr'],
  ] as const)('%o is refused at %s (%s)', (change, field, problem) => {
    expect(entryProblems({ ...complete, ...change } as EntryValues, '2026-05-12')).toEqual([
      { field, problem },
    ]);
  });

  it('lets a phone number through, as the server does', () => {
    expect(fieldsWithCpr({ whatWorked: 'Ring på +45 12 34 56 78', tryNext: '12345678' })).toEqual([]);
  });
});

describe('searchCompetences', () => {
  const names = (query: string) =>
    searchCompetences(defaultFramework, query, 'da').flatMap((area) =>
      area.competences.map((entry) => entry.name),
    );

  it.each([
    ['medbet', ['Medbetjening']],
    ['MEDBETJENING', ['Medbetjening']],
    ['spørge', ['Spørgeteknik']],
    ['spoerge', ['Spørgeteknik']],
    ['digital vejledning', ['Digital vejledning og motivation']],
  ])('finds "%s"', (query, expected) => {
    expect(names(query)).toEqual(expected);
  });

  it('finds a whole area by its name, and everything for an empty search', () => {
    expect(searchCompetences(defaultFramework, 'IT-kompetencer', 'da')).toHaveLength(1);
    const all = searchCompetences(defaultFramework, '  ', 'da');
    expect(all.map((area) => area.areaId)).toEqual(defaultFramework.areas.map((area) => area.id));
  });

  it('finds nothing for nonsense', () => {
    expect(names('xyzzy')).toEqual([]);
  });
});
