/**
 * @module A municipality's single sign-on as it applies: from the environment for a one-municipality installation,
 * else as an administrator saved it, with the client secret opened from its box.
 */
import type { TenantRepositories } from '../../db/repositories/index.ts';
import type { SsoMatchKind } from '../../domain/sso.ts';
import { openSecret } from './secret-box.ts';

/** The SSO_* variables (src/server/config.ts), for the municipality named by SSO_MUNICIPALITY. */
export interface EnvironmentSso {
  municipalitySlug: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  matchBy: SsoMatchKind;
  claim: string;
  createUsers: boolean;
  /** A unit's external id or name. */
  defaultUnit?: string;
  passwordLogin: boolean;
}

export interface SsoSettings {
  source: 'admin' | 'environment';
  enabled: boolean;
  issuer: string;
  clientId: string;
  /** Undefined when none is saved, or it was sealed with another session secret. */
  clientSecret: string | undefined;
  hasClientSecret: boolean;
  matchBy: SsoMatchKind;
  claim: string;
  createUsers: boolean;
  defaultUnitId: string | null;
  passwordLogin: boolean;
}

export const ssoSecretPurpose = 'sso-client-secret';

export interface SsoContext {
  sessionSecret: string;
  environment?: EnvironmentSso;
}

export async function ssoSettingsOf(
  tenant: TenantRepositories,
  municipalitySlug: string,
  context: SsoContext,
): Promise<SsoSettings | undefined> {
  const environment = context.environment;
  if (environment && environment.municipalitySlug === municipalitySlug) {
    const units = environment.defaultUnit ? await tenant.people.listUnits() : [];
    const unit = units.find(
      (candidate) =>
        candidate.externalId === environment.defaultUnit || candidate.name === environment.defaultUnit,
    );
    return {
      source: 'environment',
      enabled: true,
      issuer: environment.issuer,
      clientId: environment.clientId,
      clientSecret: environment.clientSecret,
      hasClientSecret: true,
      matchBy: environment.matchBy,
      claim: environment.claim,
      createUsers: environment.createUsers && unit !== undefined,
      defaultUnitId: unit?.id ?? null,
      passwordLogin: environment.passwordLogin,
    };
  }
  const saved = await tenant.sso.configuration();
  if (!saved) return undefined;
  const clientSecret = saved.clientSecretEncrypted
    ? openSecret(context.sessionSecret, ssoSecretPurpose, saved.clientSecretEncrypted)
    : undefined;
  return {
    source: 'admin',
    enabled: saved.enabled,
    issuer: saved.issuer,
    clientId: saved.clientId,
    clientSecret,
    hasClientSecret: clientSecret !== undefined,
    matchBy: saved.matchBy as SsoMatchKind,
    claim: saved.claim,
    createUsers: saved.createUsers,
    defaultUnitId: saved.defaultUnitId,
    passwordLogin: saved.passwordLogin,
  };
}

/** Single sign-on can be used: switched on, with everything a login needs. */
export const ssoUsable = (
  settings: SsoSettings | undefined,
): settings is SsoSettings & { clientSecret: string } =>
  settings?.enabled === true && settings.clientSecret !== undefined;
