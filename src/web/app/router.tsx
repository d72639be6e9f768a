/** @module The routes: /login and the 404 are open; everything else needs a signed-in user, some pages a role. */
import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { UsersPage } from '../features/admin/UsersPage.tsx';
import { NotFoundPage } from '../features/errors/NotFoundPage.tsx';
import { RootError, RouteError } from '../features/errors/RouteError.tsx';
import { FrameworkPage } from '../features/framework/FrameworkPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { LoginPage } from '../features/login/LoginPage.tsx';
import { TeamPage } from '../features/team/TeamPage.tsx';
import { AppShell } from './AppShell.tsx';
import { RequireAuth, RequireRole } from './guards.tsx';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RootError />,
    children: [
      {
        // A failing page keeps the header and navigation around it.
        errorElement: <RouteError />,
        children: [
          { path: 'login', element: <LoginPage /> },
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
                path: 'admin/brugere',
                element: (
                  <RequireRole needs="admin">
                    <UsersPage />
                  </RequireRole>
                ),
              },
              { path: 'konto', element: <AccountPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
