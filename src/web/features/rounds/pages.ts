/** @module The rounds' pages as one chunk, loaded when a leader first opens them. */
export { NewRoundPage } from './NewRoundPage.tsx';
export { RoundPage } from './RoundPage.tsx';
export { RoundsPage } from './RoundsPage.tsx';
