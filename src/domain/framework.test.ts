import { describe, expect, it } from 'vitest';
import { frameworkDocumentSchema, frameworkProblems } from './framework.ts';
import { smallFramework, text } from './framework-fixture.ts';
import { roleProfileProblems } from './role-profile.ts';

const levels = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ level: index + 1, behaviour: text(`niveau ${index + 1}`) }));

const framework = smallFramework;

describe('framework documents', () => {
  it('accepts a framework whose competences describe every level of the scale', () => {
    expect(frameworkDocumentSchema.safeParse(framework()).success).toBe(true);
  });

  it('names a competence that skips a level of the scale', () => {
    const broken = framework();
    broken.areas[0]!.competences[0]!.levels = levels(2);
    expect(frameworkProblems(broken)).toEqual([
      {
        path: ['areas', 0, 'competences', 0, 'levels'],
        kind: 'levels_mismatch',
        message: 'competence "spoergeteknik" must describe levels 1, 2, 3 in order; found 1, 2',
      },
    ]);
  });

  it('refuses an id used twice, whether by an area or a competence', () => {
    const broken = framework();
    broken.areas.push({ ...broken.areas[0]!, id: 'spoergeteknik' });
    const messages = frameworkProblems(broken).map((problem) => problem.message);
    expect(messages).toContain('area id "spoergeteknik" is used twice');
    expect(messages).toContain('competence id "spoergeteknik" is used twice');
  });

  it('refuses a text missing in English and an id that is not kebab-case', () => {
    const broken = framework() as unknown as { name: unknown; key: string };
    broken.name = { da: 'Kun dansk' };
    broken.key = 'Ikke Kebab';
    const result = frameworkDocumentSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['key', 'name.en']);
  });

  it('refuses a scale whose levels are not numbered 1..n', () => {
    const broken = framework();
    broken.scale.levels[1]!.level = 5;
    expect(frameworkDocumentSchema.safeParse(broken).success).toBe(false);
  });
});

describe('role profiles', () => {
  const profile = (targets: Record<string, number>) => ({
    key: 'medarbejder',
    name: text('Medarbejder'),
    description: text('Rolle'),
    targets,
  });

  it('needs a target on the scale for every competence, and no unknown competence', () => {
    const all = { spoergeteknik: 2, formidling: 1, medbetjening: 3 };
    expect(roleProfileProblems(profile(all), framework())).toEqual([]);
    const { spoergeteknik: _left, ...missing } = all;
    expect(roleProfileProblems(profile(missing), framework())).toEqual([
      'role profile "medarbejder" has no target for competence "spoergeteknik"',
    ]);
    expect(roleProfileProblems(profile({ ...all, spoergeteknik: 4, ukendt: 1 }), framework())).toEqual([
      'role profile "medarbejder" sets "spoergeteknik" to 4, above the scale\'s top 3',
      'role profile "medarbejder" names unknown competence "ukendt"',
    ]);
  });
});
