/**
 * @module An assessment being filled in: the form's ratings, what of them the server can hold, the copy kept in
 * the browser so nothing is lost, and which of the two wins when the form opens.
 */
import type { Rating } from '../../../server/contracts/rounds.ts';

/** One competence in the form: no level chosen yet (undefined), a level, or "cannot assess" (null). */
export interface DraftRating {
  level?: number | null;
  comment?: string;
  example?: string;
}
export type DraftRatings = Readonly<Record<string, DraftRating>>;
export type ServerRatings = Record<string, Rating>;

const clean = (text: string | undefined): string | undefined => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * What the server can store: only competences with a level or "cannot assess". A note written before choosing a
 * level stays in the browser's copy until a level is chosen.
 */
export function toServerRatings(draft: DraftRatings): ServerRatings {
  const ratings: ServerRatings = {};
  for (const [competenceId, rating] of Object.entries(draft)) {
    if (rating.level === undefined) continue;
    const comment = clean(rating.comment);
    const example = clean(rating.example);
    ratings[competenceId] = {
      level: rating.level,
      ...(comment ? { comment } : {}),
      ...(example ? { example } : {}),
    };
  }
  return ratings;
}

export function fromServerRatings(ratings: Readonly<Record<string, Rating>>): Record<string, DraftRating> {
  const draft: Record<string, DraftRating> = {};
  for (const [competenceId, rating] of Object.entries(ratings)) {
    draft[competenceId] = {
      level: rating.level,
      ...(rating.comment ? { comment: rating.comment } : {}),
      ...(rating.example ? { example: rating.example } : {}),
    };
  }
  return draft;
}

/** Same levels and texts, ignoring blank texts and surrounding spaces (the server trims them). */
export function sameServerRatings(a: Readonly<ServerRatings>, b: Readonly<ServerRatings>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const left = a[key];
    const right = b[key];
    if (!left || !right) return false;
    if (left.level !== right.level) return false;
    if (clean(left.comment) !== clean(right.comment) || clean(left.example) !== clean(right.example))
      return false;
  }
  return true;
}

/** Every text and level the form holds, including notes the server cannot take yet. */
export function sameDraft(a: DraftRatings, b: DraftRatings): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const left = a[key] ?? {};
    const right = b[key] ?? {};
    if (left.level !== right.level) return false;
    if ((left.comment ?? '') !== (right.comment ?? '') || (left.example ?? '') !== (right.example ?? ''))
      return false;
  }
  return true;
}

/** Does the draft hold anything the server would not get (a note without a level)? */
export const hasBrowserOnlyNotes = (draft: DraftRatings): boolean =>
  Object.values(draft).some(
    (rating) => rating.level === undefined && (clean(rating.comment) ?? clean(rating.example)) !== undefined,
  );

/** The copy in the browser: the ratings as the user left them, on top of which saved version. */
export interface LocalCopy {
  baseVersion: number;
  ratings: Record<string, DraftRating>;
  /** When the user last changed something, as an ISO instant. */
  changedAt: string;
  /**
   * A save sent on top of `baseVersion` whose answer never came (the tab closed, the connection dropped). If the
   * server holds exactly these ratings in a later version, that version was ours.
   */
  sent?: ServerRatings;
}

export type Reconciled =
  /** The server's version is all there is. */
  | { kind: 'server'; ratings: Record<string, DraftRating> }
  /** The browser held changes made on top of the server's version that never reached it: use and save them. */
  | { kind: 'restored'; ratings: Record<string, DraftRating>; changedAt: string }
  /** The assessment was saved elsewhere after the browser's copy was made, and the two differ: ask. */
  | { kind: 'conflict'; ratings: Record<string, DraftRating>; local: LocalCopy };

interface ServerAssessment {
  version: number;
  ratings: Readonly<Record<string, Rating>>;
  editable: boolean;
}

/** Which ratings the form opens with, given the server's assessment and the browser's copy (if any). */
export function reconcile(server: ServerAssessment, local: LocalCopy | null): Reconciled {
  const saved = fromServerRatings(server.ratings);
  if (!local || !server.editable) return { kind: 'server', ratings: saved };
  const ourSaveArrived =
    local.sent !== undefined &&
    server.version > local.baseVersion &&
    sameServerRatings(local.sent, { ...server.ratings });
  if (local.baseVersion === server.version || ourSaveArrived) {
    return sameDraft(local.ratings, saved)
      ? { kind: 'server', ratings: saved }
      : { kind: 'restored', ratings: local.ratings, changedAt: local.changedAt };
  }
  // Saved since the copy was made: by this browser's last save on leaving the page, or somewhere else.
  if (sameServerRatings(toServerRatings(local.ratings), { ...server.ratings })) {
    return { kind: 'server', ratings: withBrowserOnlyNotes(saved, local.ratings) };
  }
  return { kind: 'conflict', ratings: saved, local };
}

/** Adds the notes written before a level was chosen, which only the browser holds. */
function withBrowserOnlyNotes(
  saved: Record<string, DraftRating>,
  local: DraftRatings,
): Record<string, DraftRating> {
  const merged = { ...saved };
  for (const [competenceId, rating] of Object.entries(local)) {
    if (rating.level === undefined && !merged[competenceId]) merged[competenceId] = rating;
  }
  return merged;
}

/** Storage the copies live in: localStorage in the browser, a Map in tests. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

const prefix = 'vejviser.draft';

/** Per signed-in user, so a colleague on the same computer never gets someone else's copy. */
export const draftKey = (viewerId: string, roundId: string, userId: string, rater: string): string =>
  `${prefix}.${viewerId}.${roundId}.${userId}.${rater}`;

function storage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const isLocalCopy = (value: unknown): value is LocalCopy =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as LocalCopy).baseVersion === 'number' &&
  typeof (value as LocalCopy).ratings === 'object' &&
  (value as LocalCopy).ratings !== null &&
  typeof (value as LocalCopy).changedAt === 'string' &&
  ((value as LocalCopy).sent === undefined || typeof (value as LocalCopy).sent === 'object');

/** The browser's copy of one assessment. Storage may be full or refused; the form then works without a copy. */
export class LocalDrafts {
  readonly #store: DraftStorage | null;
  readonly #key: string;

  constructor(key: string, store: DraftStorage | null = storage()) {
    this.#store = store;
    this.#key = key;
  }

  read(): LocalCopy | null {
    try {
      const raw = this.#store?.getItem(this.#key);
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      return isLocalCopy(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }

  write(copy: LocalCopy): void {
    try {
      this.#store?.setItem(this.#key, JSON.stringify(copy));
    } catch {
      // Full or blocked storage: the server save still runs; only the safety copy is missing.
    }
  }

  remove(): void {
    try {
      this.#store?.removeItem(this.#key);
    } catch {
      // As above.
    }
  }
}

/** On logging out, the signed-out user's copies go too: the next person at this computer must not inherit them. */
export function forgetLocalDrafts(viewerId: string, store: DraftStorage | null = storage()): void {
  if (!store) return;
  try {
    const mine = `${prefix}.${viewerId}.`;
    const keys: string[] = [];
    for (let index = 0; index < store.length; index += 1) {
      const key = store.key(index);
      if (key?.startsWith(mine)) keys.push(key);
    }
    for (const key of keys) store.removeItem(key);
  } catch {
    // Nothing to do when storage is refused.
  }
}
