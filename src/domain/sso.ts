/** @module Single sign-on's rules: which providers are acceptable, how a person is found, and what can go wrong. */

/** How a person from the identity provider is matched: by e-mail, or by an employee id in `users.external_id`. */
export const ssoMatchKinds = ['email', 'external_id'] as const;
export type SsoMatchKind = (typeof ssoMatchKinds)[number];

/**
 * Why a single sign-on ended on the login page instead of in Vejviser. The login page explains each in the user's
 * language (`login.sso.errors.<code>`); the server logs the technical detail.
 */
export const ssoLoginErrors = [
  /** The municipality has no single sign-on switched on. */
  'sso_not_configured',
  /** The identity provider could not be reached, or answered with an error of its own. */
  'sso_unavailable',
  /** The login was not started here, took too long, or its answer was used already. */
  'sso_state_invalid',
  /** The provider's ID token was refused: another audience, expired, a wrong signature or nonce. */
  'sso_token_invalid',
  /** The person cancelled at the provider, or the provider refused them. */
  'sso_denied',
  /** The ID token lacks the claim the municipality matches people by. */
  'sso_claim_missing',
  /** Nobody in the municipality matches, and people are not created on first login. */
  'sso_unknown_user',
  /** The person is deactivated in Vejviser. */
  'sso_user_deactivated',
  /** Too many logins started from one address in a short time. */
  'sso_too_many',
] as const;
export type SsoLoginError = (typeof ssoLoginErrors)[number];

/**
 * An issuer must be `https://`, so that discovery and keys cannot be tampered with on the way; plain `http://` only on
 * this machine (a provider for tests or development).
 */
export function isAcceptableIssuer(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopback(url.hostname);
}

export const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);

/** The value a person is matched by: a non-blank string (or number, for employee ids) in the named claim. */
export function claimValue(claims: Record<string, unknown>, claim: string): string | undefined {
  const value = claims[claim];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The name a person created on first login gets: the `name` claim, else given and family name, else the e-mail. */
export function nameFromClaims(claims: Record<string, unknown>, email: string): string {
  const name = claimValue(claims, 'name');
  if (name) return name;
  const parts = [claimValue(claims, 'given_name'), claimValue(claims, 'family_name')].filter(Boolean);
  return parts.length ? parts.join(' ') : email;
}

/** Only an in-app path may be returned to after logging in, so a crafted link cannot lead elsewhere. */
export function safeReturnPath(from: unknown): string {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/\\'))
    return '/';
  if (from.startsWith('/login') || from.startsWith('/api/')) return '/';
  return from.length > 512 ? '/' : from;
}
