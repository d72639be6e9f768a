/** @module Which framework version the browser opens by default, and which targets it shows per competence. */
import { describe, expect, it } from 'vitest';
import type { FrameworkVersionSummary, RoleProfile } from '../../../server/contracts/frameworks.ts';
import { isVersionId, newestPublished, targetsFor } from './framework-view.ts';

const summary = (overrides: Partial<FrameworkVersionSummary>): FrameworkVersionSummary => ({
  id: crypto.randomUUID(),
  key: 'specialist-i-borgerbetjening',
  name: { da: 'Specialist i borgerbetjening', en: 'Specialist in citizen service' },
  version: 1,
  status: 'published',
  publishedAt: '2026-01-01T00:00:00.000Z',
  areaCount: 5,
  competenceCount: 22,
  basedOnVersionId: null,
  hasReport: false,
  ...overrides,
});

describe('newestPublished', () => {
  it('skips drafts and picks the latest publication', () => {
    const older = summary({ version: 1, publishedAt: '2026-01-01T00:00:00.000Z' });
    const newer = summary({ version: 2, publishedAt: '2026-05-12T00:00:00.000Z' });
    const draft = summary({ version: 3, status: 'draft', publishedAt: null });
    expect(newestPublished([older, draft, newer])?.id).toBe(newer.id);
  });

  it('finds nothing when only drafts exist', () => {
    expect(newestPublished([summary({ status: 'draft', publishedAt: null })])).toBeUndefined();
  });
});

describe('targetsFor', () => {
  const versionId = crypto.randomUUID();
  const profile = (name: string, targets: Record<string, number>, forVersion = versionId): RoleProfile => ({
    id: crypto.randomUUID(),
    key: name.toLowerCase(),
    name: { da: name, en: `${name} (en)` },
    description: { da: name, en: name },
    frameworkVersionId: forVersion,
    targets,
    revision: 1,
  });

  it('lists each role profile of the version with its target, in the reader language', () => {
    const profiles = [
      profile('Medarbejder', { medbetjening: 2 }),
      profile('Specialist', { medbetjening: 3 }),
    ];
    expect(targetsFor('medbetjening', profiles, versionId, 'en')).toEqual([
      { roleProfileId: profiles[0]?.id, roleProfileName: 'Medarbejder (en)', level: 2 },
      { roleProfileId: profiles[1]?.id, roleProfileName: 'Specialist (en)', level: 3 },
    ]);
  });

  it('leaves out profiles of other versions and profiles without a target', () => {
    const profiles = [profile('Andet', { medbetjening: 4 }, crypto.randomUUID()), profile('Tom', {})];
    expect(targetsFor('medbetjening', profiles, versionId, 'da')).toEqual([]);
  });
});

describe('isVersionId', () => {
  it('accepts a UUID and refuses anything else', () => {
    expect(isVersionId('ee0acf26-531d-4fb1-9ff4-e527e89dc802')).toBe(true);
    expect(isVersionId('ikke-et-id')).toBe(false);
  });
});
