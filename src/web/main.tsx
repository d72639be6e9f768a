/** @module Entry point: fonts and styles, i18n, the API client's wiring to the session and router, then render. */
import '@fontsource/ibm-plex-sans/400.css';
import '@fontsource/ibm-plex-sans/600.css';
import '@fontsource/ibm-plex-sans/700.css';
import './styles/index.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { configureApi } from './api/client.ts';
import { createQueryClient } from './api/queries.ts';
import type { NavigationFocusState } from './app/AppShell.tsx';
import type { LoginRedirectState } from './app/guards.tsx';
import { router } from './app/router.tsx';
import { currentLocale, onLocaleChange } from './i18n/i18n.ts';
import { forgetSession } from './session/session.ts';

const queryClient = createQueryClient();

configureApi({
  locale: currentLocale(),
  // The session ended on the server (expired or signed out elsewhere): forget it here and ask for a new login.
  onUnauthenticated: () => {
    if (window.location.pathname === '/login') return;
    forgetSession(queryClient);
    const state: LoginRedirectState & NavigationFocusState = {
      from: `${window.location.pathname}${window.location.search}`,
      moveFocus: true,
    };
    void router.navigate('/login', { replace: true, state });
  },
});
onLocaleChange((locale) => configureApi({ locale }));
document.documentElement.lang = currentLocale();

// A printout should hold the whole framework, not just the competences someone happened to open.
window.addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll('details:not([open])')) {
    details.setAttribute('open', '');
    details.setAttribute('data-opened-for-print', '');
  }
});
window.addEventListener('afterprint', () => {
  for (const details of document.querySelectorAll('details[data-opened-for-print]')) {
    details.removeAttribute('open');
    details.removeAttribute('data-opened-for-print');
  }
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
