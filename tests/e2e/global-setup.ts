/**
 * @module Playwright's global setup: a real OpenID provider on 127.0.0.1 for the single sign-on journey, which tells
 * the tests where it is through the environment. Vejviser learns of it only when the journey's administrator saves it.
 */
import { startTestProvider } from '../support/oidc-provider.ts';

export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT ?? 3211);
  const provider = await startTestProvider({
    redirectUris: [`http://127.0.0.1:${port}/api/auth/sso/callback`],
  });
  process.env.VEJVISER_E2E_OIDC_ISSUER = provider.issuer;
  process.env.VEJVISER_E2E_OIDC_CLIENT_ID = provider.clientId;
  process.env.VEJVISER_E2E_OIDC_CLIENT_SECRET = provider.clientSecret;
  return () => provider.close();
}
