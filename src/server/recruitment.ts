/**
 * @module What the recruitment routes share: a position or candidate loaded with the caller's access, the interview
 * guide in the reader's language, the e-mail with a candidate's link, and the audit of every read of a candidate.
 */
import type { Context } from 'hono';
import type { TenantRepositories } from '../db/repositories/index.ts';
import type { PositionWithPanel } from '../db/repositories/recruitment.ts';
import type { StoredGuideQuestion } from '../db/schema.ts';
import { competencesOf, type FrameworkDocument } from '../domain/framework.ts';
import type { InterviewBank } from '../domain/interview.ts';
import { inFrameworkOrder } from '../domain/interview-guide.ts';
import {
  type PositionAccess,
  type PositionStatus,
  positionAccess,
  retentionDeadline,
} from '../domain/recruitment.ts';
import type { Locale } from '../domain/text.ts';
import type {
  GuideCompetence,
  GuideQuestion,
  InterviewGuide,
  PositionSummary,
} from './contracts/recruitment.ts';
import type { AppEnv } from './http/env.ts';
import { ApiError, forbidden, notFound } from './http/errors.ts';
import { auth } from './http/middleware.ts';

export const statusNames: Record<Locale, Record<PositionStatus, string>> = {
  da: {
    draft: 'Kladde',
    open: 'Slået op',
    interviewing: 'Samtaler i gang',
    decided: 'Besluttet',
    closed: 'Lukket',
  },
  en: {
    draft: 'Draft',
    open: 'Advertised',
    interviewing: 'Interviewing',
    decided: 'Decided',
    closed: 'Closed',
  },
};

/** The action does not fit the position's stage; the message names the stage in the caller's language. */
export const stageError = (status: PositionStatus, locale: Locale) =>
  new ApiError(422, 'position_stage', { values: { status: statusNames[locale][status] } });

export const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The position, the caller's access to it, and what the pages built from it need. Outsiders are told it does not exist. */
export async function loadPosition(c: Context<AppEnv>, positionId: string) {
  const { principal, tenant } = auth(c);
  const [position, units] = await Promise.all([
    tenant.recruitment.findPosition(positionId),
    tenant.people.listUnits(),
  ]);
  if (!position) throw notFound();
  const access = positionAccess(
    principal,
    { unitId: position.unitId, panelIds: position.panel.map((member) => member.id) },
    units,
  );
  if (!access) throw notFound();
  return {
    principal,
    tenant,
    position,
    units,
    access,
    status: position.status as PositionStatus,
    locale: c.get('locale'),
  };
}
export type LoadedPosition = Awaited<ReturnType<typeof loadPosition>>;

/** A candidate with the access the caller has to their position. */
export async function loadCandidate(c: Context<AppEnv>, candidateId: string) {
  const { tenant } = auth(c);
  const candidate = await tenant.recruitment.findCandidate(candidateId);
  if (!candidate) throw notFound();
  return { ...(await loadPosition(c, candidate.positionId)), candidate };
}
export type LoadedCandidate = Awaited<ReturnType<typeof loadCandidate>>;

export const requireManage = (loaded: { access: PositionAccess }) => {
  if (!loaded.access.canManage) throw forbidden();
};

export async function frameworkOfPosition(
  tenant: TenantRepositories,
  position: Pick<PositionWithPanel, 'frameworkVersionId'>,
): Promise<FrameworkDocument> {
  const version = await tenant.frameworks.findVersion(position.frameworkVersionId);
  if (!version) throw new Error('the position’s framework version is missing');
  return version.document;
}

/** The framework's competence order, by id. */
export const competenceOrder = (framework: FrameworkDocument) =>
  competencesOf(framework).map((competence) => competence.id);

/** The focus competences in the framework's order, with their target and what an answer sounds like at each level. */
export function guideCompetences(
  framework: FrameworkDocument,
  position: Pick<PositionWithPanel, 'focusCompetenceIds' | 'targets'>,
  bank: InterviewBank,
  locale: Locale,
): GuideCompetence[] {
  const byId = new Map(competencesOf(framework).map((competence) => [competence.id, competence]));
  return inFrameworkOrder(position.focusCompetenceIds, competenceOrder(framework)).map((competenceId) => {
    const competence = byId.get(competenceId)!;
    const anchors = Object.hasOwn(bank.competences, competenceId)
      ? bank.competences[competenceId]!.anchors
      : [];
    return {
      id: competenceId,
      name: competence.name[locale],
      description: competence.description[locale],
      target: position.targets[competenceId] ?? null,
      anchors: framework.scale.levels.map((scaleLevel, index) => ({
        level: scaleLevel.level,
        name: scaleLevel.name[locale],
        text: anchors[index]?.[locale] ?? competence.levels[index]?.behaviour[locale] ?? '',
      })),
    };
  });
}

/** Stored guide questions in the reader's language: a bank question by its id, an own question as written. */
export function renderGuideItems(
  items: readonly StoredGuideQuestion[],
  bank: InterviewBank,
  locale: Locale,
): GuideQuestion[] {
  const questions = new Map(
    Object.values(bank.competences)
      .flatMap((competence) => competence.questions)
      .map((question) => [question.id, question]),
  );
  return items.flatMap((item): GuideQuestion[] => {
    if (item.questionId === null) {
      return [{ ...item, own: true, text: item.text ?? '', probes: item.probes }];
    }
    const question = questions.get(item.questionId);
    // A question removed from a later bank leaves the guide rather than showing an empty line.
    if (!question) return [];
    return [
      {
        id: item.id,
        competenceId: item.competenceId,
        questionId: item.questionId,
        own: false,
        text: question.text[locale],
        probes: question.probes.map((probe) => probe[locale]),
      },
    ];
  });
}

export function guideView(
  loaded: Pick<LoadedPosition, 'position' | 'access' | 'status' | 'locale'>,
  framework: FrameworkDocument,
  bank: InterviewBank,
  items: readonly StoredGuideQuestion[] = loaded.position.guide,
): InterviewGuide {
  const { position, locale } = loaded;
  return {
    positionId: position.id,
    title: position.title,
    status: loaded.status,
    version: position.guideVersion,
    editable: loaded.access.canManage && (loaded.status === 'draft' || loaded.status === 'open'),
    competences: guideCompetences(framework, position, bank, locale),
    items: renderGuideItems(items, bank, locale),
  };
}

export function positionSummary(
  position: PositionWithPanel,
  context: {
    access: PositionAccess;
    unitName: string;
    roleProfileName: string;
    candidateCount: number;
    retentionMonths: number;
  },
): PositionSummary {
  return {
    id: position.id,
    title: position.title,
    status: position.status as PositionStatus,
    unit: { id: position.unitId, name: context.unitName },
    roleProfile: { id: position.roleProfileId, name: context.roleProfileName },
    panel: position.panel,
    candidateCount: context.candidateCount,
    createdAt: position.createdAt.toISOString(),
    closedAt: iso(position.closedAt),
    candidatesDeleteAt: position.closedAt
      ? retentionDeadline(position.closedAt, context.retentionMonths).toISOString()
      : null,
    candidatesDeletedAt: iso(position.candidatesDeletedAt),
    canManage: context.access.canManage,
    onPanel: context.access.onPanel,
  };
}

/**
 * Records that the caller read these candidates' records (names, contact details, scores), with what view: every
 * read by the panel or HR is in the log, as the data protection officer will ask.
 */
export async function auditCandidateReads(
  c: Context<AppEnv>,
  candidateIds: readonly string[],
  view: 'list' | 'detail' | 'comparison',
): Promise<void> {
  const { principal, tenant } = auth(c);
  await tenant.audit.record(
    candidateIds.map((candidateId) => ({
      actorKind: 'user' as const,
      actorId: principal.userId,
      action: 'candidate.read',
      subjectType: 'candidate',
      subjectId: candidateId,
      subjectPersonId: null,
      purpose: 'recruitment' as const,
      details: { view },
    })),
  );
}

/** The e-mail that carries a candidate's link, in the candidate's language. The link's token follows the `#`. */
export function candidateLinkEmail(input: {
  locale: Locale;
  candidateName: string;
  positionTitle: string;
  municipalityName: string;
  senderName: string;
  url: string;
  expiresAt: Date;
  timeZone: string;
}): { subject: string; body: string } {
  const date = new Intl.DateTimeFormat(input.locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeZone: input.timeZone,
  }).format(input.expiresAt);
  if (input.locale === 'en') {
    return {
      subject: `Self-assessment for the position of ${input.positionTitle} – ${input.municipalityName}`,
      body: [
        `Dear ${input.candidateName}`,
        '',
        `Thank you for applying for the position of ${input.positionTitle} with ${input.municipalityName}. As part of the recruitment we ask you to assess yourself on the competences we emphasise in the job. It takes 5–10 minutes, and you do not need an account.`,
        '',
        'Open your personal link here:',
        input.url,
        '',
        `The link works until you have sent your assessment, and no later than ${date}. It is personal, so please do not share it.`,
        '',
        `If you have questions, contact ${input.senderName}.`,
        '',
        'Kind regards',
        input.municipalityName,
      ].join('\n'),
    };
  }
  return {
    subject: `Selvevaluering til stillingen som ${input.positionTitle} – ${input.municipalityName}`,
    body: [
      `Kære ${input.candidateName}`,
      '',
      `Tak for din ansøgning til stillingen som ${input.positionTitle} i ${input.municipalityName}. Som en del af ansættelsesforløbet beder vi dig vurdere dig selv på de kompetencer, vi lægger vægt på i stillingen. Det tager 5–10 minutter, og du skal ikke oprette en konto.`,
      '',
      'Åbn dit personlige link her:',
      input.url,
      '',
      `Linket virker, indtil du har sendt din vurdering, dog senest ${date}. Det er personligt, så del det ikke med andre.`,
      '',
      `Har du spørgsmål, så kontakt ${input.senderName}.`,
      '',
      'Venlig hilsen',
      input.municipalityName,
    ].join('\n'),
  };
}
