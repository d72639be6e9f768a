/**
 * @module Autosave for an assessment: saves a short pause after each change, retries when the connection fails,
 * stops and asks on a conflict, and keeps the browser's copy up to date so a closed tab loses nothing.
 */
import {
  type DraftRatings,
  fromServerRatings,
  hasBrowserOnlyNotes,
  type LocalCopy,
  type ServerRatings,
  sameServerRatings,
  toServerRatings,
} from './draft.ts';

/** What the server answers to a save, or holds now. */
export interface SavedAssessment {
  version: number;
  ratings: ServerRatings;
}

export type SaveStatus =
  /** Nothing changed since the form opened. */
  | { kind: 'unchanged' }
  /** Waiting for the user to pause. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** The save failed (no connection, server error); another attempt follows by itself. */
  | { kind: 'retrying'; error: unknown }
  /** Someone saved another version meanwhile: autosave stops until the user chooses. */
  | { kind: 'conflict'; latest: SavedAssessment }
  /** The assessment can no longer be changed (submitted elsewhere, round closed): autosave stops. */
  | { kind: 'blocked'; error: unknown };

/** How a failed save is handled: ask on a conflict, stop when saving cannot succeed, otherwise try again. */
export type SaveFailure = 'conflict' | 'blocked' | 'retry';

export interface BrowserCopy {
  write(copy: LocalCopy): void;
  remove(): void;
}

export interface DraftSaverOptions {
  /** The server's version and ratings the form was opened on. */
  version: number;
  saved: DraftRatings;
  /** What the form shows; differs from `saved` when unsaved changes were restored from the browser's copy. */
  draft: DraftRatings;
  /** Start stopped, as after a conflict: the browser's copy and a newer saved version differ, and the user must choose. */
  conflict?: SavedAssessment;
  save: (
    version: number,
    ratings: ServerRatings,
    options: { keepalive: boolean },
  ) => Promise<SavedAssessment>;
  loadLatest: () => Promise<SavedAssessment>;
  classify: (error: unknown) => SaveFailure;
  copy: BrowserCopy;
  onStatus: (status: SaveStatus) => void;
  debounceMs?: number;
  /** Waits before each new attempt after a failure; the last one repeats. */
  retryDelaysMs?: readonly number[];
  now?: () => Date;
}

export class DraftSaver {
  #version: number;
  #draft: DraftRatings;
  /** The ratings the server holds in `#version`, as far as we know. */
  #saved: DraftRatings;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight: Promise<void> | null = null;
  #stopped: 'conflict' | 'blocked' | null = null;
  #failures = 0;
  #quiet = false;
  readonly #options: Required<Omit<DraftSaverOptions, 'version' | 'saved' | 'draft' | 'conflict'>>;

  constructor(options: DraftSaverOptions) {
    this.#version = options.version;
    this.#saved = options.saved;
    this.#draft = options.draft;
    this.#options = {
      debounceMs: 800,
      retryDelaysMs: [2_000, 5_000, 15_000, 30_000],
      now: () => new Date(),
      ...options,
    };
    if (options.conflict) {
      this.#stopped = 'conflict';
    } else if (this.dirty) {
      this.#writeCopy();
      this.#schedule(0);
    }
  }

  /** Stopped until the user chooses after a conflict, or for good. */
  get stopped(): 'conflict' | 'blocked' | null {
    return this.#stopped;
  }

  get version(): number {
    return this.#version;
  }

  /** Has the form changes the server does not have? */
  get dirty(): boolean {
    return !sameServerRatings(toServerRatings(this.#draft), toServerRatings(this.#saved));
  }

  /** Call on every change in the form. */
  change(draft: DraftRatings): void {
    this.#draft = draft;
    this.#writeCopy();
    if (this.#stopped) return;
    if (!this.dirty) {
      // Changed back, or only a note without a level: nothing for the server, but the copy keeps the note.
      if (!this.#inFlight) {
        this.#clearTimer();
        this.#afterSave();
      }
      return;
    }
    this.#status({ kind: 'pending' });
    this.#schedule(this.#options.debounceMs);
  }

  /** Save now rather than after the pause, e.g. when the page is hidden or before submitting. */
  async flush(options: { keepalive?: boolean } = {}): Promise<void> {
    this.#clearTimer();
    if (this.#inFlight) await this.#inFlight;
    if (this.dirty && !this.#stopped) await this.#run(options.keepalive ?? false);
  }

  /** After a conflict: drop the changes here and continue from the newest saved version. */
  adoptLatest(latest: SavedAssessment): DraftRatings {
    this.#version = latest.version;
    this.#saved = fromServerRatings(latest.ratings);
    this.#draft = this.#saved;
    this.#stopped = null;
    this.#failures = 0;
    this.#options.copy.remove();
    this.#status({ kind: 'unchanged' });
    return this.#draft;
  }

  /** After a conflict: the user chose to save their own changes over the newest version. */
  async keepMine(latest: SavedAssessment): Promise<void> {
    this.#version = latest.version;
    this.#saved = fromServerRatings(latest.ratings);
    this.#stopped = null;
    this.#failures = 0;
    this.#writeCopy();
    await this.flush();
  }

  /** The form is going away (navigation in the app): save what is unsaved, but report nothing more. */
  dispose(): void {
    this.#quiet = true;
    this.#clearTimer();
    if (this.dirty && !this.#stopped) void this.flush();
  }

  /** Submitted or otherwise finished: no more saves, and no copy to restore. */
  finish(): void {
    this.#quiet = true;
    this.#stopped = 'blocked';
    this.#clearTimer();
    this.#options.copy.remove();
  }

  #status(status: SaveStatus): void {
    if (!this.#quiet) this.#options.onStatus(status);
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(delayMs: number): void {
    this.#clearTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#run(false);
    }, delayMs);
  }

  #writeCopy(sent?: ServerRatings): void {
    this.#options.copy.write({
      baseVersion: this.#version,
      ratings: { ...this.#draft },
      changedAt: this.#options.now().toISOString(),
      ...(sent ? { sent } : {}),
    });
  }

  async #run(keepalive: boolean): Promise<void> {
    if (this.#inFlight) {
      // One save at a time: each is based on the version the previous one returned.
      await this.#inFlight;
      if (!this.#timer && this.dirty && !this.#stopped) this.#schedule(0);
      return;
    }
    if (this.#stopped || !this.dirty) return;
    const sending = this.#draft;
    const ratings = toServerRatings(sending);
    this.#writeCopy(ratings);
    this.#status({ kind: 'saving' });
    this.#inFlight = (async () => {
      try {
        const saved = await this.#options.save(this.#version, ratings, { keepalive });
        this.#accept(saved.version, sending);
      } catch (error) {
        await this.#failed(error);
      }
    })();
    try {
      await this.#inFlight;
    } finally {
      this.#inFlight = null;
    }
  }

  #accept(version: number, sending: DraftRatings): void {
    this.#version = version;
    this.#saved = sending;
    this.#failures = 0;
    if (this.dirty) {
      // Changed while the save was on its way: the copy moves onto the new version, and another save follows.
      this.#writeCopy();
      this.#status({ kind: 'pending' });
      if (!this.#timer) this.#schedule(this.#options.debounceMs);
      return;
    }
    this.#afterSave();
  }

  #afterSave(): void {
    if (hasBrowserOnlyNotes(this.#draft)) this.#writeCopy();
    else this.#options.copy.remove();
    this.#status({ kind: 'saved', at: this.#options.now() });
  }

  async #failed(error: unknown): Promise<void> {
    const failure = this.#options.classify(error);
    if (failure === 'blocked') {
      this.#stopped = 'blocked';
      this.#status({ kind: 'blocked', error });
      return;
    }
    if (failure === 'conflict') {
      let latest: SavedAssessment;
      try {
        latest = await this.#options.loadLatest();
      } catch (loadError) {
        return this.#retryLater(loadError);
      }
      // The newest version may be this very save, whose answer went missing: then there is nothing to ask.
      if (sameServerRatings(latest.ratings, toServerRatings(this.#draft))) {
        this.#version = latest.version;
        this.#saved = this.#draft;
        this.#afterSave();
        return;
      }
      this.#stopped = 'conflict';
      this.#status({ kind: 'conflict', latest });
      return;
    }
    this.#retryLater(error);
  }

  #retryLater(error: unknown): void {
    const delays = this.#options.retryDelaysMs;
    const delay = delays[Math.min(this.#failures, delays.length - 1)] ?? 30_000;
    this.#failures += 1;
    this.#status({ kind: 'retrying', error });
    if (!this.#timer) this.#schedule(delay);
  }
}
