/** @module The recruitment pages as one chunk, loaded when HR, a leader or a panel member first opens them. */
export { CandidatePage } from './CandidatePage.tsx';
export { ComparisonPage } from './ComparisonPage.tsx';
export { EditPositionPage } from './EditPositionPage.tsx';
export { GuidePage } from './GuidePage.tsx';
export { NewPositionPage } from './NewPositionPage.tsx';
export { PositionPage } from './PositionPage.tsx';
export { PositionsPage } from './PositionsPage.tsx';
