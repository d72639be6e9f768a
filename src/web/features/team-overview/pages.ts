/** @module The team overview and the leader's dashboard as one chunk, loaded when a leader first opens them. */
export { LeaderDashboardPage } from '../dashboard/LeaderDashboardPage.tsx';
export { TeamOverviewPage } from './TeamOverviewPage.tsx';
