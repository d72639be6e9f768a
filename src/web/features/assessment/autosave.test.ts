/** @module Autosave: when it saves, what it keeps in the browser, how it retries, and that it never overwrites. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver, type DraftSaverOptions, type SavedAssessment, type SaveStatus } from './autosave.ts';
import type { DraftRatings, LocalCopy, ServerRatings } from './draft.ts';

class Conflict extends Error {}
class Closed extends Error {}
class Offline extends Error {}

/** A fake server holding one assessment; saves based on an old version are refused like the real one does. */
function fakeServer(initial: SavedAssessment = { version: 0, ratings: {} }) {
  const state = { ...initial, offline: false, closed: false, saves: [] as ServerRatings[] };
  return {
    state,
    save: vi.fn(async (version: number, ratings: ServerRatings, _options?: { keepalive: boolean }) => {
      if (state.offline) throw new Offline();
      if (state.closed) throw new Closed();
      if (version !== state.version) throw new Conflict();
      state.version += 1;
      state.ratings = ratings;
      state.saves.push(ratings);
      return { version: state.version, ratings };
    }),
    loadLatest: vi.fn(async () => ({ version: state.version, ratings: state.ratings })),
  };
}

function setUp(server: ReturnType<typeof fakeServer>, overrides: Partial<DraftSaverOptions> = {}) {
  const statuses: SaveStatus[] = [];
  const copies: (LocalCopy | null)[] = [];
  const saver = new DraftSaver({
    version: server.state.version,
    saved: {},
    draft: {},
    save: server.save,
    loadLatest: server.loadLatest,
    classify: (error) =>
      error instanceof Conflict ? 'conflict' : error instanceof Closed ? 'blocked' : 'retry',
    copy: { write: (copy) => copies.push(copy), remove: () => copies.push(null) },
    onStatus: (status) => statuses.push(status),
    now: () => new Date('2026-05-12T12:30:00Z'),
    ...overrides,
  });
  return { saver, statuses, copies, last: () => statuses.at(-1)?.kind, copy: () => copies.at(-1) };
}

describe('DraftSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, a short pause after the last of several quick changes', async () => {
    const server = fakeServer();
    const { saver, last } = setUp(server);
    saver.change({ a: { level: 1 } });
    await vi.advanceTimersByTimeAsync(500);
    saver.change({ a: { level: 2 } });
    await vi.advanceTimersByTimeAsync(500);
    expect(server.save).not.toHaveBeenCalled();
    expect(last()).toBe('pending');
    await vi.advanceTimersByTimeAsync(300);
    expect(server.save).toHaveBeenCalledTimes(1);
    expect(server.state.ratings).toEqual({ a: { level: 2 } });
    expect(last()).toBe('saved');
  });

  it('keeps a copy in the browser until the server has the change, then removes it', async () => {
    const server = fakeServer();
    const { saver, copy } = setUp(server);
    saver.change({ a: { level: 3 } });
    expect(copy()).toMatchObject({ baseVersion: 0, ratings: { a: { level: 3 } } });
    await vi.advanceTimersByTimeAsync(800);
    expect(copy()).toBeNull();
  });

  it('keeps the copy while a note has no level yet, as the server cannot hold it', async () => {
    const server = fakeServer();
    const { saver, copy, last } = setUp(server);
    saver.change({ a: { level: 3 }, b: { example: 'Et eksempel' } });
    await vi.advanceTimersByTimeAsync(800);
    expect(server.state.ratings).toEqual({ a: { level: 3 } });
    expect(copy()).toMatchObject({ baseVersion: 1, ratings: { b: { example: 'Et eksempel' } } });
    expect(last()).toBe('saved');
  });

  it('saves at once on flush, e.g. when the tab is hidden, and asks the request to outlive the page', async () => {
    const server = fakeServer();
    const { saver } = setUp(server);
    saver.change({ a: { level: 4 } });
    await saver.flush({ keepalive: true });
    expect(server.save).toHaveBeenCalledWith(0, { a: { level: 4 } }, { keepalive: true });
  });

  it('sends a change made during a save in a second save, based on the version the first returned', async () => {
    const server = fakeServer();
    let release: () => void = () => {};
    const slowSave = vi.fn(
      async (version: number, ratings: ServerRatings, options: { keepalive: boolean }) => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return server.save(version, ratings, options);
      },
    );
    const { saver, last } = setUp(server, { save: slowSave });
    saver.change({ a: { level: 1 } });
    await vi.advanceTimersByTimeAsync(800);
    saver.change({ a: { level: 1 }, b: { level: 2 } });
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toBe('pending');
    await vi.advanceTimersByTimeAsync(800);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.save.mock.calls.map(([version]) => version)).toEqual([0, 1]);
    expect(server.state.ratings).toEqual({ a: { level: 1 }, b: { level: 2 } });
    expect(last()).toBe('saved');
  });

  it('says it is retrying when the connection fails, and saves when it is back', async () => {
    const server = fakeServer();
    server.state.offline = true;
    const { saver, last, copy } = setUp(server);
    saver.change({ a: { level: 2 } });
    await vi.advanceTimersByTimeAsync(800);
    expect(last()).toBe('retrying');
    expect(copy()).toMatchObject({ ratings: { a: { level: 2 } }, sent: { a: { level: 2 } } });
    server.state.offline = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(last()).toBe('saved');
    expect(server.state.ratings).toEqual({ a: { level: 2 } });
  });

  it('stops and reports a conflict when someone else saved meanwhile, without overwriting', async () => {
    const server = fakeServer();
    const { saver, last, statuses } = setUp(server);
    server.state.version = 5;
    server.state.ratings = { a: { level: 1 } };
    saver.change({ a: { level: 4 } });
    await vi.advanceTimersByTimeAsync(800);
    expect(last()).toBe('conflict');
    expect(statuses.at(-1)).toEqual({
      kind: 'conflict',
      latest: { version: 5, ratings: { a: { level: 1 } } },
    });
    saver.change({ a: { level: 3 } });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.save).toHaveBeenCalledTimes(1);
    expect(server.state.ratings).toEqual({ a: { level: 1 } });
  });

  it('after a conflict, continues from the newest version or saves over it, as the user chooses', async () => {
    const server = fakeServer();
    const { saver, last } = setUp(server);
    server.state.version = 5;
    saver.change({ a: { level: 4 } });
    await vi.advanceTimersByTimeAsync(800);
    const latest = { version: 5, ratings: {} };
    expect(saver.adoptLatest(latest)).toEqual({});
    expect(last()).toBe('unchanged');
    saver.change({ a: { level: 2 } });
    await vi.advanceTimersByTimeAsync(800);
    expect(server.state).toMatchObject({ version: 6, ratings: { a: { level: 2 } } });

    server.state.version = 9;
    saver.change({ a: { level: 3 } });
    await vi.advanceTimersByTimeAsync(800);
    expect(last()).toBe('conflict');
    await saver.keepMine(await server.loadLatest());
    expect(server.state).toMatchObject({ version: 10, ratings: { a: { level: 3 } } });
    expect(last()).toBe('saved');
  });

  it('treats a "conflict" with a version holding exactly our ratings as saved (our own answer went missing)', async () => {
    const server = fakeServer({ version: 2, ratings: { a: { level: 4 } } });
    const { saver, last } = setUp(server, { version: 1 });
    saver.change({ a: { level: 4 } });
    await vi.advanceTimersByTimeAsync(800);
    expect(last()).toBe('saved');
    expect(saver.version).toBe(2);
  });

  it('stops for good when the assessment can no longer be changed', async () => {
    const server = fakeServer();
    server.state.closed = true;
    const { saver, last } = setUp(server);
    saver.change({ a: { level: 2 } });
    await vi.advanceTimersByTimeAsync(800);
    expect(last()).toBe('blocked');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.save).toHaveBeenCalledTimes(1);
  });

  it('saves restored changes straight away', async () => {
    const server = fakeServer({ version: 3, ratings: {} });
    const restored: DraftRatings = { a: { level: 2 } };
    setUp(server, { version: 3, saved: {}, draft: restored });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.state).toMatchObject({ version: 4, ratings: { a: { level: 2 } } });
  });

  it('finishing removes the copy and ends saving', async () => {
    const server = fakeServer();
    const { saver, copy } = setUp(server);
    saver.change({ a: { level: 2 } });
    saver.finish();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.save).not.toHaveBeenCalled();
    expect(copy()).toBeNull();
  });
});

describe('DraftSaver opened on a conflict', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves nothing until the user chooses, then saves their copy over the newest version', async () => {
    const server = fakeServer({ version: 7, ratings: { a: { level: 1 } } });
    const latest = { version: 7, ratings: { a: { level: 1 } } };
    const { saver } = setUp(server, { version: 3, saved: {}, draft: { a: { level: 4 } }, conflict: latest });
    expect(saver.stopped).toBe('conflict');
    saver.change({ a: { level: 3 } });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(server.save).not.toHaveBeenCalled();
    await saver.keepMine(latest);
    expect(server.state).toMatchObject({ version: 8, ratings: { a: { level: 3 } } });
  });
});
