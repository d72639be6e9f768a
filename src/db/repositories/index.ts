/** @module Entry to the data layer: tenant repositories can only be had for one municipality at a time. */
import type { Database } from '../client.ts';
import { apiTokenRepository } from './api-tokens.ts';
import { auditRepository } from './audit.ts';
import { competenceRatingRepository } from './competence-ratings.ts';
import { conversationRepository } from './conversations.ts';
import { frameworkRepository, PublishedVersionCache } from './frameworks.ts';
import { pairingRepository } from './pairings.ts';
import { peopleRepository } from './people.ts';
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
  return {
    system: systemRepository(db),
    ssoLogins: ssoLoginRepository(db),
    forTenant: (municipalityId) => ({
      municipalityId,
      people: peopleRepository(db, municipalityId),
      frameworks: frameworkRepository(db, municipalityId, publishedVersions),
      rounds: roundRepository(db, municipalityId),
      conversations: conversationRepository(db, municipalityId),
      audit: auditRepository(db, municipalityId),
      practice: practiceRepository(db, municipalityId),
      pairings: pairingRepository(db, municipalityId),
      apiTokens: apiTokenRepository(db, municipalityId),
      sso: ssoRepository(db, municipalityId),
      recruitment: recruitmentRepository(db, municipalityId),
      ratings: competenceRatingRepository(db, municipalityId),
      themeDays: themeDayRepository(db, municipalityId),
    }),
  };
}
