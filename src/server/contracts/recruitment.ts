/**
 * @module Contracts of recruitment: positions, their interview guide, candidates, the candidate's self-assessment
 * through a personal link, the panel's scores, the consolidation, the comparison, the decision and the hire.
 */
import { z } from 'zod';
import { competenceSchema } from '../../domain/framework.ts';
import { focusLimits, panelLimits, positionStatuses } from '../../domain/recruitment.ts';
import { scaleSchema } from '../../domain/scale.ts';
import { localeSchema } from '../../domain/text.ts';
import { unitRefSchema } from './auth.ts';
import { idSchema } from './common.ts';
import { personRefSchema } from './people.ts';

const isoDateTime = z.iso.datetime({ offset: true });
/** Free text a person writes: trimmed, and bounded so one field cannot fill the 64 KiB body. */
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const level = z.number().int().min(1).max(10);
const competenceIdSchema = z.string().min(1).max(64);

export const positionStatusSchema = z.enum(positionStatuses);

export const positionInputSchema = z
  .strictObject({
    title: required(150),
    /** The unit the new colleague will join: HR may choose any, a leader the units they lead. */
    unitId: idSchema,
    roleProfileId: idSchema,
    /** Competence id → target level, where the position differs from the role profile. */
    targets: z.record(competenceIdSchema, level).default({}),
    focusCompetenceIds: z.array(competenceIdSchema).min(focusLimits.min).max(focusLimits.max),
    /** Active people of the municipality who score the candidates. */
    panelIds: z.array(idSchema).min(panelLimits.min).max(panelLimits.max),
  })
  .meta({ id: 'PositionInput' });
export type PositionInput = z.input<typeof positionInputSchema>;

/** The set-up may change while the position is a draft or open; the unit and role profile stay. */
export const positionUpdateSchema = z
  .strictObject({
    version: z.number().int().min(1),
    title: required(150),
    targets: z.record(competenceIdSchema, level).default({}),
    focusCompetenceIds: z.array(competenceIdSchema).min(focusLimits.min).max(focusLimits.max),
    panelIds: z.array(idSchema).min(panelLimits.min).max(panelLimits.max),
  })
  .meta({ id: 'PositionUpdate' });
export type PositionUpdate = z.input<typeof positionUpdateSchema>;

/** `decided` is reached by recording a decision, not here. */
export const positionStatusInputSchema = z
  .strictObject({ version: z.number().int().min(1), status: z.enum(['open', 'interviewing', 'closed']) })
  .meta({ id: 'PositionStatusInput' });

export const positionSummarySchema = z
  .strictObject({
    id: idSchema,
    title: z.string(),
    status: positionStatusSchema,
    unit: unitRefSchema,
    roleProfile: z.strictObject({ id: idSchema, name: z.string() }),
    panel: z.array(personRefSchema),
    candidateCount: z.number().int(),
    createdAt: isoDateTime,
    closedAt: isoDateTime.nullable(),
    /** When the candidates' data will be (or was) deleted: the closing date plus the municipality's period. */
    candidatesDeleteAt: isoDateTime.nullable(),
    candidatesDeletedAt: isoDateTime.nullable(),
    /** HR, or a leader of the unit: may change the position, add candidates, decide and hire. */
    canManage: z.boolean(),
    onPanel: z.boolean(),
  })
  .meta({ id: 'PositionSummary' });
export type PositionSummary = z.infer<typeof positionSummarySchema>;
export const positionListSchema = z
  .strictObject({
    positions: z.array(positionSummarySchema),
    /** May the caller create positions (HR, or a leader)? */
    canCreate: z.boolean(),
  })
  .meta({ id: 'PositionList' });

export const decisionSchema = z.strictObject({
  /** Null when the chosen candidate's data has since been deleted. */
  candidate: personRefSchema.nullable(),
  /** Null once the retention period has removed it (it may name candidates). */
  reason: z.string().nullable(),
  decidedAt: isoDateTime,
  decidedBy: personRefSchema,
});

export const positionDetailSchema = z
  .strictObject({
    position: positionSummarySchema,
    /** Raised by every change of the position (set-up, status, decision): send it back when changing it. */
    version: z.number().int(),
    frameworkVersionId: idSchema,
    /** Every competence's target level, the position's adjustments included. */
    targets: z.record(z.string(), z.number().int()),
    /** The role profile's own targets, to show what was adjusted. */
    roleProfileTargets: z.record(z.string(), z.number().int()),
    /** In the framework's order. */
    focusCompetenceIds: z.array(z.string()),
    guideVersion: z.number().int(),
    decision: decisionSchema.nullable(),
    canErase: z.boolean(),
    retentionMonths: z.number().int(),
  })
  .meta({ id: 'PositionDetail' });
export type PositionDetail = z.infer<typeof positionDetailSchema>;

export const panelOptionsSchema = z
  .strictObject({
    people: z.array(
      z.strictObject({
        id: idSchema,
        name: z.string(),
        title: z.string().nullable(),
        unit: unitRefSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'PanelOptions' });
export type PanelOptions = z.infer<typeof panelOptionsSchema>;

export const guideQuestionInputSchema = z.strictObject({
  /** `q:<bank question id>` or `own:<anything>`, unique within the guide. */
  id: z.string().min(1).max(100),
  competenceId: competenceIdSchema.nullable().default(null),
  /** A bank question by id; null for an own question. */
  questionId: z.string().max(64).nullable().default(null),
  /** An own question's words; ignored for a bank question. */
  text: text(500).nullable().default(null),
  probes: z.array(required(300)).max(4).default([]),
});
export type GuideQuestionInput = z.input<typeof guideQuestionInputSchema>;

export const guideInputSchema = z
  .strictObject({ version: z.number().int().min(1), items: z.array(guideQuestionInputSchema).max(40) })
  .meta({ id: 'GuideInput' });

export const anchorSchema = z.strictObject({
  level: z.number().int(),
  /** The scale's name of the level, e.g. "Behersker". */
  name: z.string(),
  /** What an answer at this level sounds like. */
  text: z.string(),
});

export const guideCompetenceSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  target: z.number().int().nullable(),
  anchors: z.array(anchorSchema),
});
export type GuideCompetence = z.infer<typeof guideCompetenceSchema>;

export const guideQuestionSchema = z.strictObject({
  id: z.string(),
  competenceId: z.string().nullable(),
  questionId: z.string().nullable(),
  /** An own question of the position, not the bank's. */
  own: z.boolean(),
  /** In the reader's language for a bank question; as written for an own one. */
  text: z.string(),
  probes: z.array(z.string()),
});
export type GuideQuestion = z.infer<typeof guideQuestionSchema>;

export const guideSchema = z
  .strictObject({
    positionId: idSchema,
    title: z.string(),
    status: positionStatusSchema,
    version: z.number().int(),
    /** May the caller change it now (a manager, before the interviews begin)? */
    editable: z.boolean(),
    /** The focus competences in the framework's order, with what an answer sounds like at each level. */
    competences: z.array(guideCompetenceSchema),
    /** The questions in the order they are asked. */
    items: z.array(guideQuestionSchema),
  })
  .meta({ id: 'InterviewGuide' });
export type InterviewGuide = z.infer<typeof guideSchema>;

export const candidateInputSchema = z
  .strictObject({
    name: required(150),
    email: z.email().max(254),
    /** The language of the candidate's e-mail and self-assessment page. */
    locale: localeSchema.default('da'),
    /** The candidate in the municipality's recruitment system; documents stay there. */
    externalUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable()
      .default(null),
  })
  .meta({ id: 'CandidateInput' });
export type CandidateInput = z.input<typeof candidateInputSchema>;

export const linkStateSchema = z.enum(['none', 'active', 'used', 'expired']);
export const scoreStateSchema = z.enum(['not_started', 'draft', 'submitted']);

export const candidateSummarySchema = z
  .strictObject({
    id: idSchema,
    name: z.string(),
    /** Only for those who manage the position. */
    email: z.string().nullable(),
    locale: localeSchema,
    externalUrl: z.string().nullable(),
    link: z.strictObject({ state: linkStateSchema, expiresAt: isoDateTime.nullable() }),
    selfAssessmentSubmittedAt: isoDateTime.nullable(),
    panelSize: z.number().int(),
    panelSubmitted: z.number().int(),
    /** The caller's own score; null when the caller is not on the panel. */
    myScore: scoreStateSchema.nullable(),
    consolidated: z.boolean(),
    chosen: z.boolean(),
    hired: z.boolean(),
  })
  .meta({ id: 'CandidateSummary' });
export type CandidateSummary = z.infer<typeof candidateSummarySchema>;
export const candidateListSchema = z
  .strictObject({ candidates: z.array(candidateSummarySchema) })
  .meta({ id: 'CandidateList' });

export const panelRatingSchema = z.strictObject({
  level: level.nullable(),
  justification: z.string(),
});
/** A panel member's levels and reasons, per competence id. */
export type MyScoreRatings = Record<string, z.infer<typeof panelRatingSchema>>;

export const scoreCompetenceSchema = guideCompetenceSchema.extend({
  /** The framework's level descriptions, for the candidate's self-assessment beside the anchors. */
  levels: z.array(z.strictObject({ level: z.number().int(), behaviour: z.string() })),
});

export const candidateDetailSchema = z
  .strictObject({
    candidate: candidateSummarySchema,
    position: z.strictObject({
      id: idSchema,
      title: z.string(),
      status: positionStatusSchema,
      version: z.number().int(),
    }),
    competences: z.array(scoreCompetenceSchema),
    scaleMax: z.number().int(),
    /** The candidate's own levels (null: "cannot assess"), once submitted through the link. */
    selfAssessment: z
      .strictObject({ submittedAt: isoDateTime, ratings: z.record(z.string(), z.number().int().nullable()) })
      .nullable(),
    /** The caller's own score; null when not on the panel. */
    myScore: z
      .strictObject({
        state: scoreStateSchema,
        /** Send back when saving; 0 before the first save. */
        version: z.number().int(),
        ratings: z.record(z.string(), panelRatingSchema),
        submittedAt: isoDateTime.nullable(),
      })
      .nullable(),
    /**
     * Every member's progress; their levels and reasons only when the caller may see them (blind until the caller has
     * submitted, and for a manager outside the panel until all have).
     */
    scores: z.array(
      z.strictObject({
        member: personRefSchema,
        state: scoreStateSchema,
        submittedAt: isoDateTime.nullable(),
        ratings: z.record(z.string(), panelRatingSchema).nullable(),
      }),
    ),
    allSubmitted: z.boolean(),
    /** Per focus competence, once the whole panel has submitted. */
    spread: z
      .array(
        z.strictObject({
          competenceId: z.string(),
          levels: z.array(z.number().int()),
          min: z.number().int().nullable(),
          max: z.number().int().nullable(),
          median: z.number().int().nullable(),
          /** More than one level apart: to talk through before agreeing. */
          disagreement: z.boolean(),
        }),
      )
      .nullable(),
    consolidation: z
      .strictObject({
        version: z.number().int(),
        scores: z.record(z.string(), z.strictObject({ level: z.number().int(), note: z.string() })),
        updatedBy: personRefSchema,
        updatedAt: isoDateTime,
      })
      .nullable(),
    /** May the caller agree the consolidated score now (a member or manager, all submitted, interviewing)? */
    canConsolidate: z.boolean(),
    canManage: z.boolean(),
    canErase: z.boolean(),
    /** The chosen candidate of a decided position, not yet hired, and a manager asking. */
    canHire: z.boolean(),
    hire: z
      .strictObject({
        user: personRefSchema,
        hiredAt: isoDateTime,
        consentConfirmedBy: personRefSchema,
        consentConfirmedAt: isoDateTime,
      })
      .nullable(),
  })
  .meta({ id: 'CandidateDetail' });
export type CandidateDetail = z.infer<typeof candidateDetailSchema>;

export const scoreDraftInputSchema = z
  .strictObject({
    version: z.number().int().min(0),
    ratings: z.record(
      competenceIdSchema,
      z.strictObject({ level: level.nullable(), justification: text(1000) }),
    ),
  })
  .meta({ id: 'ScoreDraftInput' });
export type ScoreDraftInput = z.infer<typeof scoreDraftInputSchema>;

export const versionInputSchema = z
  .strictObject({ version: z.number().int().min(0) })
  .meta({ id: 'RecruitmentVersionInput' });

export const consolidationInputSchema = z
  .strictObject({
    version: z.number().int().min(0),
    scores: z.record(competenceIdSchema, z.strictObject({ level, note: text(1000).default('') })),
  })
  .meta({ id: 'ConsolidationInput' });
export type ConsolidationInput = z.input<typeof consolidationInputSchema>;

export const linkInputSchema = z
  .strictObject({
    expiresInDays: z.number().int().min(1).max(30).default(14),
    /** Queue the e-mail with the link in the outbox; the link is shown once to the caller either way. */
    send: z.boolean().default(true),
  })
  .meta({ id: 'CandidateLinkInput' });
export type LinkInput = z.input<typeof linkInputSchema>;

export const linkCreatedSchema = z
  .strictObject({
    /** Shown once: only a hash of the token is kept. */
    url: z.string(),
    expiresAt: isoDateTime,
    emailQueued: z.boolean(),
  })
  .meta({ id: 'CandidateLinkCreated' });
export type LinkCreated = z.infer<typeof linkCreatedSchema>;

export const comparisonSchema = z
  .strictObject({
    position: z.strictObject({
      id: idSchema,
      title: z.string(),
      status: positionStatusSchema,
      version: z.number().int(),
    }),
    scaleMax: z.number().int(),
    competences: z.array(
      z.strictObject({ id: z.string(), name: z.string(), target: z.number().int().nullable() }),
    ),
    candidates: z.array(
      z.strictObject({
        id: idSchema,
        name: z.string(),
        /** Agreed levels per focus competence; null where not yet agreed. */
        levels: z.record(z.string(), z.number().int().nullable()),
        gaps: z.record(z.string(), z.number().int().nullable()),
        belowTarget: z.number().int(),
        shortfall: z.number().int(),
        total: z.number().int().nullable(),
        complete: z.boolean(),
        chosen: z.boolean(),
      }),
    ),
    decision: decisionSchema.nullable(),
    /** A manager, while interviewing or decided and nobody hired. */
    canDecide: z.boolean(),
  })
  .meta({ id: 'CandidateComparison' });
export type Comparison = z.infer<typeof comparisonSchema>;

export const decisionInputSchema = z
  .strictObject({ version: z.number().int().min(1), candidateId: idSchema, reason: required(2000) })
  .meta({ id: 'DecisionInput' });
export type DecisionInput = z.infer<typeof decisionInputSchema>;

export const hireInputSchema = z
  .strictObject({
    unitId: idSchema,
    /** The new colleague's work e-mail: their login. */
    email: z.email().max(254),
    title: text(120).nullable().default(null),
    /** The candidate has agreed that their interview scores become part of their employee record. */
    consentConfirmed: z.literal(true),
    /** Carry the consolidated interview scores over as the starting point for the first profiling conversation. */
    seedProfile: z.boolean().default(true),
  })
  .meta({ id: 'HireInput' });
export type HireInput = z.input<typeof hireInputSchema>;

export const hireResultSchema = z
  .strictObject({ user: personRefSchema, unit: unitRefSchema, profileSeeded: z.boolean() })
  .meta({ id: 'HireResult' });
export type HireResult = z.infer<typeof hireResultSchema>;

/** A new employee's starting point from the hiring interview, shown in their profile beside (never as) a round. */
export const interviewBaselineSchema = z
  .strictObject({
    positionTitle: z.string(),
    frameworkVersionId: idSchema,
    interviewedAt: isoDateTime,
    competences: z.array(
      z.strictObject({
        competenceId: z.string(),
        level: z.number().int(),
        target: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'InterviewBaseline' });
export type InterviewBaseline = z.infer<typeof interviewBaselineSchema>;

export const recruitmentTaskSchema = z
  .strictObject({
    positionId: idSchema,
    positionTitle: z.string(),
    candidate: personRefSchema,
    state: z.enum(['not_started', 'draft']),
  })
  .meta({ id: 'RecruitmentTask' });
export type RecruitmentTask = z.infer<typeof recruitmentTaskSchema>;

/** The candidate brings only the token from their link. */
export const candidateAccessInputSchema = z
  .strictObject({ token: z.string().min(20).max(100) })
  .meta({ id: 'CandidateAccessInput' });

export const candidateFormSchema = z
  .strictObject({
    positionTitle: z.string(),
    municipalityName: z.string(),
    candidateName: z.string(),
    /** The language HR chose for the candidate; the page can switch. */
    locale: localeSchema,
    expiresAt: isoDateTime,
    scale: scaleSchema,
    /** The focus competences with the framework's level descriptions, in both languages. */
    competences: z.array(competenceSchema),
  })
  .meta({ id: 'CandidateForm' });
export type CandidateForm = z.infer<typeof candidateFormSchema>;

export const candidateSubmitInputSchema = z
  .strictObject({
    token: z.string().min(20).max(100),
    /** Per focus competence: a level, or null for "cannot assess". */
    ratings: z.record(competenceIdSchema, level.nullable()),
  })
  .meta({ id: 'CandidateSelfAssessmentInput' });
export type CandidateSubmitInput = z.infer<typeof candidateSubmitInputSchema>;

export const candidateSubmittedSchema = z
  .strictObject({ submittedAt: isoDateTime })
  .meta({ id: 'CandidateSelfAssessmentSubmitted' });
