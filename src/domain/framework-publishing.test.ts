import { describe, expect, it } from 'vitest';
import {
  type FrameworkDocument,
  frameworkDocumentSchema,
  frameworkDraftSchema,
  versionProblems,
} from './framework.ts';
import { smallFramework, text } from './framework-fixture.ts';
import { planPublication } from './framework-publishing.ts';
import { carryTargets, targetProblems } from './role-profile.ts';

const edited = (edit: (framework: FrameworkDocument) => void): FrameworkDocument => {
  const copy = structuredClone(smallFramework());
  edit(copy);
  return copy;
};

const newCompetence = (id: string) => ({
  id,
  name: text(`Ny ${id}`),
  description: text('Ny'),
  levels: [1, 2, 3].map((level) => ({ level, behaviour: text(`${id} ${level}`) })),
  evidencePrompts: [],
});

describe('drafts and published versions', () => {
  it('saves a draft with empty texts and an empty area, but publishes only a complete document', () => {
    const draft = edited((f) => {
      f.areas[0]!.competences[0]!.levels[1]!.behaviour.en = '';
      f.areas.push({ id: 'ny', name: text('Nyt område'), description: { da: '', en: '' }, competences: [] });
    });
    expect(frameworkDraftSchema.safeParse(draft).success).toBe(true);
    const published = frameworkDocumentSchema.safeParse(draft);
    expect(published.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'areas.0.competences.0.levels.1.behaviour.en',
      'areas.2.competences',
      'areas.2.description.da',
      'areas.2.description.en',
    ]);
  });

  it('keeps the id rules in a draft, with a kind the reader can be told in their language', () => {
    const draft = edited((f) => f.areas[1]!.competences.push(newCompetence('spoergeteknik')));
    const issue = frameworkDraftSchema.safeParse(draft).error?.issues[0];
    expect(issue).toMatchObject({
      path: ['areas', 1, 'competences', 1, 'id'],
      params: { kind: 'duplicate_id' },
    });
  });
});

describe('versionProblems', () => {
  const earlier = [smallFramework()];
  const kinds = (document: FrameworkDocument, publishing = true) =>
    versionProblems(document, earlier, { publishing }).map((problem) => [
      problem.kind,
      problem.path.join('.'),
    ]);

  it.each<[string, (framework: FrameworkDocument) => void, string[][]]>([
    ['a new competence', (f) => f.areas[0]!.competences.push(newCompetence('ny')), []],
    ['a changed key', (f) => (f.key = 'anden-ramme'), [['key_changed', 'key']]],
    [
      'a scale with another number of levels',
      (f) => {
        f.scale.levels.pop();
        for (const competence of f.areas.flatMap((area) => area.competences)) competence.levels.pop();
      },
      [['scale_length_changed', 'scale.levels']],
    ],
    [
      "an area's id reused for a competence",
      (f) => f.areas[0]!.competences.push(newCompetence('paedagogik')),
      [['id_changed_kind', 'areas.0.competences.2.id']],
    ],
    [
      "a competence's id reused for an area",
      (f) => f.areas.push({ id: 'formidling', name: text('F'), description: text('F'), competences: [] }),
      [['id_changed_kind', 'areas.2.id']],
    ],
    ['nothing changed', () => {}, [['unchanged', '']]],
  ])('%s', (_, edit, expected) => {
    expect(kinds(edited(edit))).toEqual(expected);
  });

  it('lets a retired id come back in its old role', () => {
    const retired = edited((f) => f.areas[0]!.competences.splice(1, 1));
    expect(versionProblems(smallFramework(), [retired, smallFramework()], { publishing: true })).toEqual([]);
  });

  it('checks only the key while a draft is saved', () => {
    expect(kinds(smallFramework(), false)).toEqual([]);
    expect(
      kinds(
        edited((f) => (f.key = 'ny-noegle')),
        false,
      ),
    ).toEqual([['key_changed', 'key']]);
  });

  it('has nothing to compare with for a framework that was never published', () => {
    expect(versionProblems(smallFramework(), [], { publishing: true })).toEqual([]);
  });
});

describe('carrying role-profile targets to a new version', () => {
  const targets = { spoergeteknik: 3, formidling: 1, medbetjening: 2 };

  it.each<[string, (framework: FrameworkDocument) => void, Record<string, number>]>([
    ['keeps every target when nothing changed', () => {}, targets],
    [
      "drops a retired competence's target",
      (f) => f.areas[0]!.competences.splice(1, 1),
      { spoergeteknik: 3, medbetjening: 2 },
    ],
    [
      'gives a new competence the lower median of its area',
      (f) => f.areas[0]!.competences.push(newCompetence('ny')),
      { ...targets, ny: 1 },
    ],
    [
      'gives a competence in a new area the lower median of the whole profile',
      (f) =>
        f.areas.push({
          id: 'it',
          name: text('IT'),
          description: text('IT'),
          competences: [newCompetence('ny')],
        }),
      { ...targets, ny: 2 },
    ],
    [
      'keeps the target of a moved competence',
      (f) => f.areas[1]!.competences.push(f.areas[0]!.competences.shift()!),
      targets,
    ],
  ])('%s', (_, edit, expected) => {
    expect(carryTargets(targets, smallFramework(), edited(edit)).targets).toEqual(expected);
  });

  it('names what it dropped and what it added, with the names of the version each came from', () => {
    const next = edited((f) => {
      f.areas[0]!.competences.splice(1, 1, newCompetence('ny'));
    });
    const carried = carryTargets(targets, smallFramework(), next);
    expect(carried.dropped).toEqual([{ competenceId: 'formidling', name: text('Formidling'), level: 1 }]);
    expect(carried.added).toEqual([{ competenceId: 'ny', name: text('Ny ny'), level: 3 }]);
    expect(targetProblems(carried.targets, next)).toEqual([]);
  });
});

describe('targetProblems', () => {
  it('names each missing, unknown and off-scale target by competence', () => {
    expect(
      targetProblems({ spoergeteknik: 4, formidling: 0, ukendt: 2 }, smallFramework()).sort((a, b) =>
        a.competenceId.localeCompare(b.competenceId),
      ),
    ).toEqual([
      { competenceId: 'formidling', kind: 'level_off_scale' },
      { competenceId: 'medbetjening', kind: 'target_missing' },
      { competenceId: 'spoergeteknik', kind: 'level_off_scale' },
      { competenceId: 'ukendt', kind: 'unknown_competence' },
    ]);
  });
});

describe('planPublication', () => {
  const profile = {
    key: 'medarbejder',
    name: text('Medarbejder'),
    description: text('Rolle'),
    targets: { spoergeteknik: 2, formidling: 2, medbetjening: 3 },
  };

  it('carries every role profile of the replaced version and reports what changed for each', () => {
    const draft = edited((f) => {
      f.areas[1]!.competences = [newCompetence('holde-igen')];
    });
    const previousId = '00000000-0000-4000-8000-000000000001';
    const plan = planPublication(draft, {
      versionId: previousId,
      version: 1,
      document: smallFramework(),
      roleProfiles: [profile],
    });
    expect(plan.roleProfiles).toEqual([
      { ...profile, targets: { spoergeteknik: 2, formidling: 2, 'holde-igen': 2 } },
    ]);
    expect(plan.report).toEqual({
      previous: { versionId: previousId, version: 1 },
      counts: { added: 1, retired: 1, renamed: 0, moved: 0, levelsChanged: 0 },
      roleProfiles: [
        {
          key: 'medarbejder',
          name: text('Medarbejder'),
          dropped: [{ competenceId: 'medbetjening', name: text('Medbetjening'), level: 3 }],
          added: [{ competenceId: 'holde-igen', name: text('Ny holde-igen'), level: 2 }],
        },
      ],
    });
  });

  it("has no role profiles to carry for a framework's first version", () => {
    expect(planPublication(smallFramework(), null)).toEqual({
      report: {
        previous: null,
        counts: { added: 0, retired: 0, renamed: 0, moved: 0, levelsChanged: 0 },
        roleProfiles: [],
      },
      roleProfiles: [],
    });
  });
});
