/** @module The practice log's and the colleague pairings' pages as one chunk, loaded when someone first opens one. */
export { PairingsPage } from '../pairings/PairingsPage.tsx';
export { EditPracticeEntryPage, NewPracticeEntryPage } from './PracticeEntryPage.tsx';
export { PracticeLogPage } from './PracticeLogPage.tsx';
export { PracticeTeamPage } from './PracticeTeamPage.tsx';
