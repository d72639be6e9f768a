/** @module Entry to the data layer: tenant repositories can only be had for one municipality at a time. */
import type { Database } from '../client.ts';
import { apiTokenRepository } from './api-tokens.ts';
import { type AuditWriter, auditRepository } from './audit.ts';
import { competenceRatingRepository } from './competence-ratings.ts';
import { conversationRepository } from './conversations.ts';
import { erasureRepository } from './erasure.ts';
import { frameworkRepository, PublishedVersionCache } from './frameworks.ts';
import { pairingRepository } from './pairings.ts';
import { peopleRepository } from './people.ts';
import { peopleImportRepository } from './people-import.ts';
import { personalDataRepository } from './personal-data.ts';
import { practiceRepository } from './practice.ts';
import { recruitmentRepository } from './recruitment.ts';
import { roundRepository } from './rounds.ts';
import { ssoLoginRepository, ssoRepository } from './sso.ts';
import { systemRepository } from './system.ts';
import { themeDayRepository } from './theme-days.ts';

export interface TenantRepositories {
  municipalityId: string;
  people: ReturnType<typeof peopleRepository>;
  frameworks: ReturnType<typeof frameworkRepository>;
  rounds: ReturnType<typeof roundRepository>;
  conversations: ReturnType<typeof conversationRepository>;
  audit: ReturnType<typeof auditRepository>;
  practice: ReturnType<typeof practiceRepository>;
  pairings: ReturnType<typeof pairingRepository>;
  apiTokens: ReturnType<typeof apiTokenRepository>;
  sso: ReturnType<typeof ssoRepository>;
  recruitment: ReturnType<typeof recruitmentRepository>;
  ratings: ReturnType<typeof competenceRatingRepository>;
  themeDays: ReturnType<typeof themeDayRepository>;
  peopleImport: ReturnType<typeof peopleImportRepository>;
  personalData: ReturnType<typeof personalDataRepository>;
  erasure: ReturnType<typeof erasureRepository>;
  /**
   * Runs `work` in one transaction, with repositories bound to it: what it changes, and the audit entries it writes
   * through `tx`, commit together or not at all.
   */
  transaction<T>(work: (tenant: TenantRepositories, tx: AuditWriter) => Promise<T>): Promise<T>;
}

export interface Repositories {
  system: ReturnType<typeof systemRepository>;
  /** Single sign-on logins under way, across municipalities (the callback does not yet know whose it is). */
  ssoLogins: ReturnType<typeof ssoLoginRepository>;
  /** Every query of the returned repositories is filtered by, and every insert stamped with, this municipality. */
  forTenant(municipalityId: string): TenantRepositories;
}

export function createRepositories(db: Database): Repositories {
  const publishedVersions = new PublishedVersionCache();
  const tenantOf = (handle: Database, municipalityId: string): TenantRepositories => ({
    municipalityId,
    people: peopleRepository(handle, municipalityId),
    frameworks: frameworkRepository(handle, municipalityId, publishedVersions),
    rounds: roundRepository(handle, municipalityId),
    conversations: conversationRepository(handle, municipalityId),
    audit: auditRepository(handle, municipalityId),
    practice: practiceRepository(handle, municipalityId),
    pairings: pairingRepository(handle, municipalityId),
    apiTokens: apiTokenRepository(handle, municipalityId),
    sso: ssoRepository(handle, municipalityId),
    recruitment: recruitmentRepository(handle, municipalityId),
    ratings: competenceRatingRepository(handle, municipalityId),
    themeDays: themeDayRepository(handle, municipalityId),
    peopleImport: peopleImportRepository(handle, municipalityId),
    personalData: personalDataRepository(handle, municipalityId),
    erasure: erasureRepository(handle, municipalityId),
    transaction: (work) =>
      handle.transaction((tx) => {
        const inTransaction = tx as unknown as Database;
        return work(tenantOf(inTransaction, municipalityId), inTransaction);
      }),
  });
  return {
    system: systemRepository(db),
    ssoLogins: ssoLoginRepository(db),
    forTenant: (municipalityId) => tenantOf(db, municipalityId),
  };
}
