/** @module The routes: /login and the 404 are open; everything else needs a signed-in user, some pages a role. */

import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Role } from '../../server/contracts/auth.ts';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { AdminPage } from '../features/admin/AdminPage.tsx';
import { OutboxPage } from '../features/admin/OutboxPage.tsx';
import { SettingsPage } from '../features/admin/SettingsPage.tsx';
import { UsersPage } from '../features/admin/UsersPage.tsx';
import { NotFoundPage } from '../features/errors/NotFoundPage.tsx';
import { RootError, RouteError } from '../features/errors/RouteError.tsx';
import { FrameworkPage } from '../features/framework/FrameworkPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { LoginPage } from '../features/login/LoginPage.tsx';
import { TeamPage } from '../features/team/TeamPage.tsx';
import { Loading } from '../ui/Loading.tsx';
import { AppShell } from './AppShell.tsx';
import { RequireAuth, RequireRole } from './guards.tsx';

/** Who may follow rounds (HR only when an administrator allows it, which the server decides) and who may start them. */
export const roundFollowers = ['leader', 'admin', 'hr'] as const;
export const roundStarters = ['leader', 'admin'] as const;

/**
 * A page loaded on first visit, so the first page loads without the rounds' and the profile's code. The router
 * waits for the code before it changes the location, so focus still lands on the new page's heading.
 */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType, needs?: readonly Role[]) {
  return async () => {
    const Page = pick(await load());
    return {
      Component: needs
        ? () => (
            <RequireRole needs={needs}>
              <Page />
            </RequireRole>
          )
        : Page,
    };
  };
}

const rounds = () => import('../features/rounds/pages.ts');
const conversations = () => import('../features/conversations/pages.ts');
const audit = () => import('../features/audit/pages.ts');
const peopleAdmin = () => import('../features/people-admin/pages.ts');
const frameworkAdmin = () => import('../features/framework-admin/pages.ts');
const practice = () => import('../features/practice/pages.ts');
const recruitment = () => import('../features/recruitment/pages.ts');
/** Who may create positions; anyone may open one they sit on the panel of (the server decides). */
export const positionCreators = ['hr', 'leader'] as const;
const teamOverview = () => import('../features/team-overview/pages.ts');
const themeDays = () => import('../features/theme-days/pages.ts');

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RootError />,
    // Shown for the moment a page's code loads when the app starts on it (see lazyPage).
    hydrateFallbackElement: <Loading />,
    children: [
      {
        // A failing page keeps the header and navigation around it.
        errorElement: <RouteError />,
        children: [
          { path: 'login', element: <LoginPage /> },
          // The accessibility statement is for everyone, also before login.
          {
            path: 'tilgaengelighed',
            lazy: lazyPage(
              () => import('../features/accessibility/AccessibilityPage.tsx'),
              (m) => m.AccessibilityPage,
            ),
          },
          { path: 'login/:slug', element: <LoginPage /> },
          // A candidate's personal link: no account, the token in the address's fragment.
          {
            path: 'ansoeger',
            lazy: lazyPage(
              () => import('../features/candidate-access/CandidateAccessPage.tsx'),
              (m) => m.CandidateAccessPage,
            ),
          },
          {
            element: <RequireAuth />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'kompetenceramme', element: <FrameworkPage /> },
              { path: 'kompetenceramme/:versionId', element: <FrameworkPage /> },
              {
                path: 'team',
                element: (
                  <RequireRole needs="leader">
                    <TeamPage />
                  </RequireRole>
                ),
              },
              {
                path: 'admin',
                element: (
                  <RequireRole needs="admin">
                    <AdminPage />
                  </RequireRole>
                ),
              },
              {
                path: 'admin/brugere',
                element: (
                  <RequireRole needs="admin">
                    <UsersPage />
                  </RequireRole>
                ),
              },
              { path: 'runder', lazy: lazyPage(rounds, (m) => m.RoundsPage, roundFollowers) },
              { path: 'runder/ny', lazy: lazyPage(rounds, (m) => m.NewRoundPage, roundStarters) },
              { path: 'runder/:roundId', lazy: lazyPage(rounds, (m) => m.RoundPage, roundFollowers) },
              // Everyone rates themselves; the server decides whose assessments each person may open.
              {
                path: 'runder/:roundId/vurdering/:userId/:rater',
                lazy: lazyPage(
                  () => import('../features/assessment/AssessmentPage.tsx'),
                  (m) => m.AssessmentPage,
                ),
              },
              {
                path: 'profil',
                lazy: lazyPage(
                  () => import('../features/profile/ProfilePage.tsx'),
                  (m) => m.ProfilePage,
                ),
              },
              {
                path: 'profil/:userId',
                lazy: lazyPage(
                  () => import('../features/profile/ProfilePage.tsx'),
                  (m) => m.ProfilePage,
                ),
              },
              {
                path: 'admin/udbakke',
                element: (
                  <RequireRole needs="admin">
                    <OutboxPage />
                  </RequireRole>
                ),
              },
              {
                path: 'admin/indstillinger',
                element: (
                  <RequireRole needs="admin">
                    <SettingsPage />
                  </RequireRole>
                ),
              },
              // Everyone may have conversations and a plan; the server decides whose each person may open.
              { path: 'samtaler', lazy: lazyPage(conversations, (m) => m.ConversationsPage) },
              {
                path: 'samtaler/ny',
                lazy: lazyPage(conversations, (m) => m.NewConversationPage, ['leader']),
              },
              {
                path: 'samtaler/grus/ny',
                lazy: lazyPage(conversations, (m) => m.NewGroupConversationPage, ['leader']),
              },
              {
                path: 'samtaler/grus/:conversationId',
                lazy: lazyPage(conversations, (m) => m.GroupConversationPage),
              },
              { path: 'samtaler/:conversationId', lazy: lazyPage(conversations, (m) => m.ConversationPage) },
              { path: 'plan', lazy: lazyPage(conversations, (m) => m.PlanPage) },
              { path: 'plan/:userId', lazy: lazyPage(conversations, (m) => m.PlanPage) },
              // Everyone keeps their own practice log; the team's figures are for leaders and administrators.
              { path: 'praksislog', lazy: lazyPage(practice, (m) => m.PracticeLogPage) },
              { path: 'praksislog/ny', lazy: lazyPage(practice, (m) => m.NewPracticeEntryPage) },
              {
                path: 'praksislog/team',
                lazy: lazyPage(practice, (m) => m.PracticeTeamPage, ['leader', 'admin']),
              },
              { path: 'praksislog/:entryId', lazy: lazyPage(practice, (m) => m.EditPracticeEntryPage) },
              { path: 'laer-af-kolleger', lazy: lazyPage(practice, (m) => m.PairingsPage, ['leader']) },
              { path: 'rekruttering', lazy: lazyPage(recruitment, (m) => m.PositionsPage) },
              {
                path: 'rekruttering/ny',
                lazy: lazyPage(recruitment, (m) => m.NewPositionPage, positionCreators),
              },
              { path: 'rekruttering/:positionId', lazy: lazyPage(recruitment, (m) => m.PositionPage) },
              {
                path: 'rekruttering/:positionId/ret',
                lazy: lazyPage(recruitment, (m) => m.EditPositionPage),
              },
              { path: 'rekruttering/:positionId/guide', lazy: lazyPage(recruitment, (m) => m.GuidePage) },
              {
                path: 'rekruttering/:positionId/sammenligning',
                lazy: lazyPage(recruitment, (m) => m.ComparisonPage),
              },
              {
                path: 'rekruttering/:positionId/kandidater/:candidateId',
                lazy: lazyPage(recruitment, (m) => m.CandidatePage),
              },
              { path: 'konto', element: <AccountPage /> },
              {
                path: 'mine-data',
                lazy: lazyPage(audit, (m) => m.MyDataPage),
              },
              { path: 'admin/revisionslog', lazy: lazyPage(audit, (m) => m.AuditLogPage, ['admin']) },
              { path: 'admin/brugere/ny', lazy: lazyPage(peopleAdmin, (m) => m.NewUserPage, ['admin']) },
              { path: 'admin/brugere/:userId', lazy: lazyPage(peopleAdmin, (m) => m.UserPage, ['admin']) },
              { path: 'admin/enheder/ny', lazy: lazyPage(peopleAdmin, (m) => m.NewUnitPage, ['admin']) },
              { path: 'admin/enheder/:unitId', lazy: lazyPage(peopleAdmin, (m) => m.UnitPage, ['admin']) },
              { path: 'admin/import', lazy: lazyPage(peopleAdmin, (m) => m.ImportPage, ['admin']) },
              // Comparing published versions is for everyone; the server shows drafts to administrators only.
              {
                path: 'kompetenceramme/:versionId/aendringer',
                lazy: lazyPage(frameworkAdmin, (m) => m.DiffPage),
              },
              {
                path: 'admin/kompetenceramme',
                lazy: lazyPage(frameworkAdmin, (m) => m.FrameworkAdminPage, ['admin']),
              },
              {
                path: 'admin/kompetenceramme/:versionId',
                lazy: lazyPage(frameworkAdmin, (m) => m.DraftEditorPage, ['admin']),
              },
              {
                path: 'admin/kompetenceramme/:versionId/ramme',
                lazy: lazyPage(frameworkAdmin, (m) => m.FrameworkDetailsPage, ['admin']),
              },
              {
                path: 'admin/kompetenceramme/:versionId/omraade/:areaId',
                lazy: lazyPage(frameworkAdmin, (m) => m.AreaEditPage, ['admin']),
              },
              {
                path: 'admin/kompetenceramme/:versionId/kompetence/:competenceId',
                lazy: lazyPage(frameworkAdmin, (m) => m.CompetenceEditPage, ['admin']),
              },
              {
                path: 'admin/kompetenceramme/:versionId/rapport',
                lazy: lazyPage(frameworkAdmin, (m) => m.PublishReportPage, ['admin']),
              },
              {
                path: 'admin/rolleprofiler',
                lazy: lazyPage(frameworkAdmin, (m) => m.RoleProfilesPage, ['admin']),
              },
              {
                path: 'admin/rolleprofiler/:roleProfileId',
                lazy: lazyPage(frameworkAdmin, (m) => m.RoleProfileEditPage, ['admin']),
              },
              {
                path: 'admin/sso',
                lazy: lazyPage(
                  () => import('../features/admin/SsoSettingsPage.tsx'),
                  (m) => m.SsoSettingsPage,
                  ['admin'],
                ),
              },
              {
                path: 'admin/sletning',
                lazy: lazyPage(
                  () => import('../features/admin/RetentionPage.tsx'),
                  (m) => m.RetentionPage,
                  ['admin'],
                ),
              },
              {
                path: 'admin/api-noegler',
                lazy: lazyPage(
                  () => import('../features/admin/ApiTokensPage.tsx'),
                  (m) => m.ApiTokensPage,
                  ['admin'],
                ),
              },
              { path: 'leder', lazy: lazyPage(teamOverview, (m) => m.LeaderDashboardPage, ['leader']) },
              // Leaders see their units' people; administrators only the figures per unit.
              {
                path: 'team/overblik',
                lazy: lazyPage(teamOverview, (m) => m.TeamOverviewPage, ['leader', 'admin']),
              },
              // Everyone may take part in a theme day; the server decides which each person may open.
              { path: 'temadage', lazy: lazyPage(themeDays, (m) => m.ThemeDaysPage) },
              { path: 'temadage/ny', lazy: lazyPage(themeDays, (m) => m.NewThemeDayPage, ['leader']) },
              { path: 'temadage/:themeDayId', lazy: lazyPage(themeDays, (m) => m.ThemeDayPage) },
              {
                path: 'temadage/:themeDayId/ret',
                lazy: lazyPage(themeDays, (m) => m.EditThemeDayPage, ['leader']),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
