/** @module What the server gets from the form, and which ratings win when the form opens with a copy in the browser. */
import { describe, expect, it } from 'vitest';
import {
  type DraftStorage,
  draftKey,
  forgetLocalDrafts,
  type LocalCopy,
  LocalDrafts,
  reconcile,
  type ServerRatings,
  sameServerRatings,
  toServerRatings,
} from './draft.ts';

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
  key = (index: number) => [...this.items.keys()][index] ?? null;
  get length() {
    return this.items.size;
  }
}

describe('toServerRatings', () => {
  it('sends levels and "cannot assess", trims notes and leaves out blank ones', () => {
    expect(
      toServerRatings({
        spoergeteknik: { level: 3, example: '  Ved skranken i går.  ' },
        medbetjening: { level: null, example: '   ' },
      }),
    ).toEqual({ spoergeteknik: { level: 3, example: 'Ved skranken i går.' }, medbetjening: { level: null } });
  });

  it('keeps a note without a level out of the save; the browser holds it until a level is chosen', () => {
    expect(toServerRatings({ holde: { example: 'Skrevet før niveauet' } })).toEqual({});
  });
});

describe('sameServerRatings', () => {
  it('ignores surrounding spaces and blank notes, as the server does', () => {
    expect(sameServerRatings({ a: { level: 2, comment: ' ja ' } }, { a: { level: 2, comment: 'ja' } })).toBe(
      true,
    );
    expect(sameServerRatings({ a: { level: 2, comment: '' } }, { a: { level: 2 } })).toBe(true);
  });

  it('tells "cannot assess" from a missing rating and from another level', () => {
    expect(sameServerRatings({ a: { level: null } }, {})).toBe(false);
    expect(sameServerRatings({ a: { level: null } }, { a: { level: 1 } })).toBe(false);
  });
});

describe('reconcile', () => {
  const server = (version: number, ratings: Record<string, { level: number | null }>, editable = true) => ({
    version,
    ratings,
    editable,
  });
  const copy = (
    baseVersion: number,
    ratings: Record<string, { level?: number | null; example?: string }>,
    sent?: ServerRatings,
  ): LocalCopy => ({
    baseVersion,
    ratings,
    changedAt: '2026-05-12T12:30:00.000Z',
    ...(sent ? { sent } : {}),
  });

  it('opens the server version when the browser has no copy', () => {
    expect(reconcile(server(3, { a: { level: 2 } }), null)).toEqual({
      kind: 'server',
      ratings: { a: { level: 2 } },
    });
  });

  it('restores changes made on top of the server version that never reached it', () => {
    const result = reconcile(server(3, { a: { level: 2 } }), copy(3, { a: { level: 2 }, b: { level: 4 } }));
    expect(result).toEqual({
      kind: 'restored',
      ratings: { a: { level: 2 }, b: { level: 4 } },
      changedAt: '2026-05-12T12:30:00.000Z',
    });
  });

  it('ignores a copy that says the same as the server', () => {
    expect(reconcile(server(3, { a: { level: 2 } }), copy(3, { a: { level: 2 } })).kind).toBe('server');
  });

  it('recognises its own last save that arrived after the tab closed, and restores what came after it', () => {
    const result = reconcile(
      server(4, { a: { level: 2 } }),
      copy(3, { a: { level: 2 }, b: { level: 1 } }, { a: { level: 2 } }),
    );
    expect(result.kind).toBe('restored');
  });

  it('asks when someone else saved something different after the copy was made', () => {
    const result = reconcile(server(5, { a: { level: 1 } }), copy(3, { a: { level: 4 } }));
    expect(result.kind).toBe('conflict');
    expect(result.ratings).toEqual({ a: { level: 1 } });
  });

  it('uses the server when a later version holds exactly the copy, keeping notes only the browser had', () => {
    const result = reconcile(
      server(5, { a: { level: 4 } }),
      copy(3, { a: { level: 4 }, b: { example: 'Mit eksempel' } }),
    );
    expect(result).toEqual({ kind: 'server', ratings: { a: { level: 4 }, b: { example: 'Mit eksempel' } } });
  });

  it('never restores into an assessment that can no longer be changed', () => {
    expect(reconcile(server(3, {}, false), copy(3, { a: { level: 4 } })).kind).toBe('server');
  });
});

describe('the browser copy', () => {
  it('is kept per signed-in user and forgotten for that user alone', () => {
    const store = new MemoryStorage();
    const anne = new LocalDrafts(draftKey('anne', 'r1', 'birthe', 'leader'), store);
    const birthe = new LocalDrafts(draftKey('birthe', 'r1', 'birthe', 'self'), store);
    anne.write({ baseVersion: 1, ratings: { a: { level: 2 } }, changedAt: 'x' });
    birthe.write({ baseVersion: 1, ratings: { a: { level: 3 } }, changedAt: 'x' });
    forgetLocalDrafts('anne', store);
    expect(anne.read()).toBeNull();
    expect(birthe.read()?.ratings).toEqual({ a: { level: 3 } });
  });

  it('reads a damaged copy as no copy', () => {
    const store = new MemoryStorage();
    store.setItem('k', '{not json');
    expect(new LocalDrafts('k', store).read()).toBeNull();
    store.setItem('k', '{"baseVersion":"1"}');
    expect(new LocalDrafts('k', store).read()).toBeNull();
  });
});
