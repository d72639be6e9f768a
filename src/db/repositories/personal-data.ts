/**
 * @module Everything Vejviser holds about one person, gathered for their right of access (decision 028): read-only,
 * one municipality, and only what the person may see of it in the app.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { leaderRatingVisibleToEmployee } from '../../domain/rounds.ts';
import type { Database } from '../client.ts';
import {
  assessmentReopenings,
  assessments,
  candidates,
  colleaguePairings,
  competenceRatings,
  conversationAddenda,
  conversationNotes,
  conversationParticipants,
  conversationPreparations,
  conversationSignatures,
  conversations,
  goalActions,
  goals,
  interviewBaselines,
  municipalities,
  outbox,
  planStatusChanges,
  positionPanel,
  positions,
  practiceEntries,
  roleProfiles,
  roundParticipants,
  rounds,
  type StoredAgendaItem,
  type StoredRating,
  themeDayParticipants,
  themeDays,
  themeDayTasks,
  unitLeaders,
  units,
  users,
} from '../schema.ts';
import { auditRepository } from './audit.ts';

/**
 * Every column that points at a person, and whether the collector includes what it points from, or why not.
 * `tests/db/personal-data-coverage.test.ts` compares this with the database's foreign keys to `users`, so a new table
 * about people fails the suite until someone decides here whether it belongs in the person's download. Columns that
 * name a person without a foreign key (so the record outlives an erasure) are listed too.
 */
export const personalDataCoverage: Record<string, { included: true } | { included: false; why: string }> = {
  'unit_leaders.user_id': { included: true },
  'sessions.user_id': {
    included: false,
    why: 'Login sessions are short-lived security records (hashed tokens, at most 12 hours), not information about the person.',
  },
  'rounds.created_by_id': {
    included: false,
    why: 'A round a leader started is the team’s record; the person’s own participation is included.',
  },
  'round_participants.user_id': { included: true },
  'assessments.rater_id': {
    included: false,
    why: 'Ratings a leader gave others are those people’s data; the person’s own assessments are included by subject.',
  },
  'conversations.employee_id': { included: true },
  'conversations.leader_id': {
    included: false,
    why: 'Conversations a leader holds are the employee’s record; the leader’s name appears in it.',
  },
  'conversation_participants.user_id': { included: true },
  'conversation_preparations.author_id': { included: true },
  'conversation_notes.author_id': { included: true },
  'goals.employee_id': { included: true },
  'goal_actions.owner_id': { included: true },
  'goal_actions.colleague_id': {
    included: false,
    why: 'An action in a colleague’s plan that names the person belongs to that colleague’s plan.',
  },
  'plan_status_changes.changed_by_id': { included: true },
  'conversation_signatures.signer_id': { included: true },
  'conversation_addenda.author_id': { included: true },
  'practice_entries.employee_id': { included: true },
  'colleague_pairings.learner_id': { included: true },
  'colleague_pairings.helper_id': { included: true },
  'colleague_pairings.created_by_id': {
    included: false,
    why: 'Pairings a leader made are the two colleagues’ data.',
  },
  'colleague_pairings.closed_by_id': {
    included: false,
    why: 'Who closed a pairing is part of the two colleagues’ record.',
  },
  'positions.created_by_id': {
    included: false,
    why: 'Recruitment work concerns the candidates, whose data is deleted on schedule.',
  },
  'positions.decided_by_id': {
    included: false,
    why: 'Recruitment work concerns the candidates, whose data is deleted on schedule.',
  },
  'position_panel.user_id': { included: true },
  'candidates.created_by_id': {
    included: false,
    why: 'A candidate someone added is the candidate’s data.',
  },
  'candidates.hired_user_id': { included: true },
  'candidates.consent_confirmed_by_id': {
    included: false,
    why: 'Confirming a candidate’s consent is part of the candidate’s record.',
  },
  'candidate_links.created_by_id': {
    included: false,
    why: 'A link sent to a candidate is the candidate’s data.',
  },
  'panel_scores.panel_member_id': {
    included: false,
    why: 'Scores of candidates are the candidates’ data, deleted with them; panel membership is included.',
  },
  'candidate_consolidations.updated_by_id': {
    included: false,
    why: 'The panel’s agreed scores are the candidate’s data; a hired person’s become their interview baseline.',
  },
  'interview_baselines.user_id': { included: true },
  'interview_baselines.created_by_id': {
    included: false,
    why: 'Who recorded another person’s baseline belongs to that person’s record.',
  },
  'theme_days.created_by_id': {
    included: false,
    why: 'A theme day a leader planned is the unit’s; the person’s participation is included.',
  },
  'theme_day_participants.user_id': { included: true },
  'audit_events.subject_person_id': { included: true },
  'audit_events.actor_id': {
    included: false,
    why: 'What the person did to others’ data is those people’s look-up; the log names the subject, not the reader.',
  },
  'assessment_reopenings.reopened_by_id': { included: true },
  'api_tokens.created_by_id': {
    included: false,
    why: 'An integration token an administrator made is the municipality’s configuration.',
  },
  'outbox.to_email': { included: true },
  'theme_day_tasks.created_by_id': {
    included: false,
    why: 'Tasks a leader wrote are the participants’ data; the person’s own task is included.',
  },
};

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export interface PersonalRating {
  level: number | null;
  comment?: string;
  example?: string;
}

const ratingsOf = (ratings: Record<string, StoredRating>): Record<string, PersonalRating> =>
  Object.fromEntries(
    Object.entries(ratings).map(([competenceId, rating]) => [
      competenceId,
      {
        level: rating.level,
        ...(rating.comment ? { comment: rating.comment } : {}),
        ...(rating.example ? { example: rating.example } : {}),
      },
    ]),
  );

const agendaOf = (items: readonly StoredAgendaItem[]) =>
  items.map((item) => ({
    kind: item.kind,
    competenceId: item.competenceId,
    theme: item.theme,
    title: item.title,
    ownQuestions: [...item.ownQuestions],
  }));

export type PersonalData = NonNullable<
  Awaited<ReturnType<ReturnType<typeof personalDataRepository>['collect']>>
>;

export function personalDataRepository(db: Database, municipalityId: string) {
  return {
    /**
     * Everything about one person of this municipality, active or not, as they may see it in the app; undefined for a
     * person who is not in this municipality. Other people appear by name only where the app shows them.
     */
    async collect(personId: string) {
      const [person] = await db
        .select()
        .from(users)
        .where(and(eq(users.municipalityId, municipalityId), eq(users.id, personId)));
      if (!person) return undefined;
      const [municipality] = await db
        .select({ name: municipalities.name })
        .from(municipalities)
        .where(eq(municipalities.id, municipalityId));
      const everyone = await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(eq(users.municipalityId, municipalityId));
      const nameOf = new Map(everyone.map((row) => [row.id, row.name]));
      const name = (id: string | null) => (id ? (nameOf.get(id) ?? null) : null);
      const unitNames = new Map(
        (
          await db
            .select({ id: units.id, name: units.name })
            .from(units)
            .where(eq(units.municipalityId, municipalityId))
        ).map((row) => [row.id, row.name]),
      );

      const [
        leadership,
        participations,
        assessmentRows,
        ratingRows,
        baselineRows,
        hiredAs,
        panels,
        entries,
        pairings,
        themeDayRows,
        taskRows,
        mail,
        lookups,
      ] = await Promise.all([
        db
          .select()
          .from(unitLeaders)
          .where(and(eq(unitLeaders.municipalityId, municipalityId), eq(unitLeaders.userId, personId))),
        db
          .select({ participant: roundParticipants, round: rounds, roleProfileKey: roleProfiles.key })
          .from(roundParticipants)
          .innerJoin(rounds, eq(rounds.id, roundParticipants.roundId))
          .innerJoin(roleProfiles, eq(roleProfiles.id, roundParticipants.roleProfileId))
          .where(
            and(eq(roundParticipants.municipalityId, municipalityId), eq(roundParticipants.userId, personId)),
          )
          .orderBy(desc(rounds.deadline)),
        db
          .select()
          .from(assessments)
          .where(and(eq(assessments.municipalityId, municipalityId), eq(assessments.subjectId, personId))),
        db
          .select()
          .from(competenceRatings)
          .where(
            and(
              eq(competenceRatings.municipalityId, municipalityId),
              eq(competenceRatings.subjectId, personId),
            ),
          )
          .orderBy(asc(competenceRatings.submittedAt), asc(competenceRatings.competenceId)),
        db
          .select()
          .from(interviewBaselines)
          .where(
            and(
              eq(interviewBaselines.municipalityId, municipalityId),
              eq(interviewBaselines.userId, personId),
            ),
          ),
        db
          .select({ candidate: candidates, positionTitle: positions.title })
          .from(candidates)
          .innerJoin(positions, eq(positions.id, candidates.positionId))
          .where(and(eq(candidates.municipalityId, municipalityId), eq(candidates.hiredUserId, personId))),
        db
          .select({ position: positions })
          .from(positionPanel)
          .innerJoin(positions, eq(positions.id, positionPanel.positionId))
          .where(and(eq(positionPanel.municipalityId, municipalityId), eq(positionPanel.userId, personId))),
        db
          .select()
          .from(practiceEntries)
          .where(
            and(eq(practiceEntries.municipalityId, municipalityId), eq(practiceEntries.employeeId, personId)),
          )
          .orderBy(desc(practiceEntries.occurredOn), desc(practiceEntries.createdAt)),
        db
          .select()
          .from(colleaguePairings)
          .where(
            and(
              eq(colleaguePairings.municipalityId, municipalityId),
              or(eq(colleaguePairings.learnerId, personId), eq(colleaguePairings.helperId, personId)),
            ),
          )
          .orderBy(desc(colleaguePairings.createdAt)),
        db
          .select({ themeDay: themeDays })
          .from(themeDayParticipants)
          .innerJoin(themeDays, eq(themeDays.id, themeDayParticipants.themeDayId))
          .where(
            and(
              eq(themeDayParticipants.municipalityId, municipalityId),
              eq(themeDayParticipants.userId, personId),
            ),
          )
          .orderBy(desc(themeDays.date)),
        db
          .select()
          .from(themeDayTasks)
          .where(and(eq(themeDayTasks.municipalityId, municipalityId), eq(themeDayTasks.userId, personId))),
        db
          .select({ subject: outbox.subject, createdAt: outbox.createdAt, sentAt: outbox.sentAt })
          .from(outbox)
          .where(and(eq(outbox.municipalityId, municipalityId), eq(outbox.toEmail, person.email)))
          .orderBy(desc(outbox.createdAt)),
        auditRepository(db, municipalityId).lookupsOf(personId),
      ]);

      const reopenings = assessmentRows.length
        ? await db
            .select()
            .from(assessmentReopenings)
            .where(
              inArray(
                assessmentReopenings.assessmentId,
                assessmentRows.map((row) => row.id),
              ),
            )
            .orderBy(asc(assessmentReopenings.reopenedAt))
        : [];

      // Rounds: the person's own assessment always; the leader's only when the round's rule lets them see it.
      const visibleAssessments = new Set<string>();
      const roundViews = participations.map(({ participant, round, roleProfileKey }) => {
        const of = (role: 'self' | 'leader') =>
          assessmentRows.find((row) => row.roundId === round.id && row.raterRole === role);
        const state = (row: (typeof assessmentRows)[number] | undefined) =>
          !row
            ? ('not_started' as const)
            : row.status === 'submitted'
              ? ('submitted' as const)
              : ('draft' as const);
        const self = of('self');
        const leader = of('leader');
        const leaderVisible = leaderRatingVisibleToEmployee(round.hideLeaderUntilBoth, {
          self: state(self),
          leader: state(leader),
          conversationHeld: participant.conversationHeldAt !== null,
        });
        const shown = [self, leaderVisible ? leader : undefined].filter((row) => row !== undefined);
        for (const row of shown) visibleAssessments.add(`${row.roundId}:${row.raterRole}`);
        return {
          roundId: round.id,
          name: round.name,
          deadline: round.deadline,
          status: round.status,
          frameworkVersionId: round.frameworkVersionId,
          roleProfileKey,
          targets: { ...participant.targets },
          conversationHeldAt: iso(participant.conversationHeldAt),
          // Only a submitted one: the app tells the person that much, never that a draft exists.
          leaderAssessmentHidden: leader?.status === 'submitted' && !leaderVisible,
          assessments: shown.map((row) => ({
            raterRole: row.raterRole as 'self' | 'leader',
            raterName: name(row.raterId),
            status: row.status as 'draft' | 'submitted',
            updatedAt: row.updatedAt.toISOString(),
            submittedAt: iso(row.submittedAt),
            ratings: ratingsOf(row.ratings),
            reopenings: reopenings
              .filter((reopening) => reopening.assessmentId === row.id)
              .map((reopening) => ({
                reason: reopening.reason,
                reopenedBy: name(reopening.reopenedById),
                reopenedAt: reopening.reopenedAt.toISOString(),
                submittedRatings: ratingsOf(reopening.submittedRatings),
              })),
          })),
        };
      });

      return {
        municipality: { name: municipality?.name ?? '' },
        person: {
          id: person.id,
          name: person.name,
          email: person.email,
          title: person.title,
          roles: [...person.roles],
          unit: person.unitId ? { id: person.unitId, name: unitNames.get(person.unitId) ?? '' } : null,
          locale: person.locale,
          externalId: person.externalId,
          roleProfileKey: person.roleProfileKey,
          active: person.active,
          createdAt: person.createdAt.toISOString(),
          updatedAt: person.updatedAt.toISOString(),
        },
        leaderOf: leadership.map((row) => ({
          unitId: row.unitId,
          unitName: unitNames.get(row.unitId) ?? '',
          since: row.createdAt.toISOString(),
        })),
        rounds: roundViews,
        competenceRatings: ratingRows
          .filter((row) => visibleAssessments.has(`${row.roundId}:${row.raterRole}`))
          .map((row) => ({
            roundId: row.roundId,
            raterRole: row.raterRole as 'self' | 'leader',
            competenceId: row.competenceId,
            unitName: row.unitId ? (unitNames.get(row.unitId) ?? null) : null,
            level: row.level,
            targetLevel: row.targetLevel,
            submittedAt: row.submittedAt.toISOString(),
          })),
        interviewBaseline: baselineRows[0]
          ? {
              positionTitle: baselineRows[0].positionTitle,
              frameworkVersionId: baselineRows[0].frameworkVersionId,
              targets: { ...baselineRows[0].targets },
              levels: { ...baselineRows[0].levels },
              interviewedAt: baselineRows[0].interviewedAt.toISOString(),
            }
          : null,
        hiredFrom: hiredAs.map(({ candidate, positionTitle }) => ({
          positionTitle,
          appliedAt: candidate.createdAt.toISOString(),
          hiredAt: iso(candidate.hiredAt),
        })),
        interviewPanels: panels.map(({ position }) => ({
          positionTitle: position.title,
          status: position.status,
          createdAt: position.createdAt.toISOString(),
        })),
        ...(await conversationsOf(db, municipalityId, personId, name)),
        practiceEntries: entries.map((entry) => ({
          id: entry.id,
          occurredOn: entry.occurredOn,
          channel: entry.channel,
          helpLevel: entry.helpLevel,
          frameworkVersionId: entry.frameworkVersionId,
          competenceIds: [...entry.competenceIds],
          whatWorked: entry.whatWorked,
          tryNext: entry.tryNext,
          goalId: entry.goalId,
          themeDayTaskId: entry.themeDayTaskId,
          sharedAt: iso(entry.sharedAt),
          talkingPoint: entry.talkingPoint,
          createdAt: entry.createdAt.toISOString(),
          updatedAt: entry.updatedAt.toISOString(),
        })),
        pairings: pairings.map((pairing) => {
          const role = pairing.learnerId === personId ? ('learner' as const) : ('helper' as const);
          return {
            id: pairing.id,
            role,
            colleague: name(role === 'learner' ? pairing.helperId : pairing.learnerId),
            madeBy: name(pairing.createdById),
            competenceId: pairing.competenceId,
            frameworkVersionId: pairing.frameworkVersionId,
            note: pairing.note,
            dueDate: pairing.dueDate,
            status: pairing.status,
            cancelReason: pairing.cancelReason,
            createdAt: pairing.createdAt.toISOString(),
            closedAt: iso(pairing.closedAt),
          };
        }),
        themeDays: themeDayRows.map(({ themeDay }) => {
          const task = taskRows.find((row) => row.themeDayId === themeDay.id);
          return {
            id: themeDay.id,
            title: themeDay.title,
            unitName: unitNames.get(themeDay.unitId) ?? '',
            date: themeDay.date,
            startTime: themeDay.startTime,
            place: themeDay.place,
            frameworkVersionId: themeDay.frameworkVersionId,
            focusCompetenceIds: [...themeDay.focusCompetenceIds],
            task: task
              ? {
                  text: task.text,
                  dueDate: task.dueDate,
                  doneAt: iso(task.doneAt),
                  exerciseId: task.exerciseId,
                }
              : null,
          };
        }),
        emails: mail.map((message) => ({
          subject: message.subject,
          createdAt: message.createdAt.toISOString(),
          sentAt: iso(message.sentAt),
        })),
        // As on the "My data" page: what others did with the person's data, without naming who.
        lookups: lookups.map((row) => ({
          occurredAt: row.occurredAt.toISOString(),
          action: row.action,
          subjectType: row.subjectType,
          purpose: row.purpose,
        })),
      };
    },
  };
}

/**
 * The person's conversations as the employee or a group participant, with what they may read of each: the agenda and
 * notes once it has started, their own preparation and the other party's once shared, the plan, signatures, addenda.
 */
async function conversationsOf(
  db: Database,
  municipalityId: string,
  personId: string,
  name: (id: string | null) => string | null,
) {
  const participantOf = db
    .select({ id: conversationParticipants.conversationId })
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.municipalityId, municipalityId),
        eq(conversationParticipants.userId, personId),
      ),
    );
  const rows = await db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.municipalityId, municipalityId),
        or(eq(conversations.employeeId, personId), inArray(conversations.id, participantOf)),
      ),
    )
    .orderBy(desc(conversations.scheduledAt));
  const ids = rows.map((row) => row.id);
  const started = new Set(rows.filter((row) => row.heldAt !== null).map((row) => row.id));
  const none = ids.length === 0;
  const [preparations, notes, signatures, addenda, goalRows] = none
    ? [[], [], [], [], []]
    : await Promise.all([
        db
          .select()
          .from(conversationPreparations)
          .where(
            and(
              inArray(conversationPreparations.conversationId, ids),
              or(
                eq(conversationPreparations.authorId, personId),
                isNotNull(conversationPreparations.sharedAt),
              ),
            ),
          ),
        db.select().from(conversationNotes).where(inArray(conversationNotes.conversationId, ids)),
        db
          .select()
          .from(conversationSignatures)
          .where(inArray(conversationSignatures.conversationId, ids))
          .orderBy(asc(conversationSignatures.signedAt)),
        db
          .select()
          .from(conversationAddenda)
          .where(inArray(conversationAddenda.conversationId, ids))
          .orderBy(asc(conversationAddenda.createdAt)),
        db
          .select()
          .from(goals)
          .where(
            and(
              eq(goals.municipalityId, municipalityId),
              or(
                eq(goals.employeeId, personId),
                // A group conversation's team goals, once it has started.
                and(isNull(goals.employeeId), inArray(goals.conversationId, ids)),
              ),
            ),
          )
          .orderBy(asc(goals.position)),
      ]);
  const planGoals = goalRows.filter(
    (goal) => goal.employeeId === personId || started.has(goal.conversationId),
  );
  const goalIds = planGoals.map((goal) => goal.id);
  const [actions, changes] =
    goalIds.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select()
            .from(goalActions)
            .where(inArray(goalActions.goalId, goalIds))
            .orderBy(asc(goalActions.position)),
          db
            .select()
            .from(planStatusChanges)
            .where(inArray(planStatusChanges.goalId, goalIds))
            .orderBy(asc(planStatusChanges.changedAt)),
        ]);

  return {
    conversations: rows.map((conversation) => {
      const visible = started.has(conversation.id);
      return {
        id: conversation.id,
        kind: conversation.kind,
        role: conversation.employeeId === personId ? ('employee' as const) : ('participant' as const),
        leader: name(conversation.leaderId),
        scheduledAt: conversation.scheduledAt.toISOString(),
        durationMinutes: conversation.durationMinutes,
        place: conversation.place,
        heldAt: iso(conversation.heldAt),
        signedAt: iso(conversation.signedAt),
        nextFollowUp: conversation.nextFollowUp,
        roundId: conversation.roundId,
        agenda: visible ? agendaOf(conversation.agenda) : [],
        preparations: preparations
          .filter((row) => row.conversationId === conversation.id)
          .map((row) => ({
            author: name(row.authorId),
            own: row.authorId === personId,
            sharedAt: iso(row.sharedAt),
            answers: { ...row.answers },
            chosenCompetenceIds: [...row.chosenCompetenceIds],
            updatedAt: row.updatedAt.toISOString(),
          })),
        notes: visible
          ? notes
              .filter((row) => row.conversationId === conversation.id)
              .map((row) => ({
                author: name(row.authorId),
                own: row.authorId === personId,
                items: { ...row.items },
                updatedAt: row.updatedAt.toISOString(),
              }))
          : [],
        signatures: signatures
          .filter((row) => row.conversationId === conversation.id)
          .map((row) => ({
            role: row.role,
            signer: name(row.signerId),
            signedAt: row.signedAt.toISOString(),
          })),
        addenda: addenda
          .filter((row) => row.conversationId === conversation.id)
          .map((row) => ({
            author: name(row.authorId),
            text: row.text,
            createdAt: row.createdAt.toISOString(),
          })),
      };
    }),
    goals: planGoals.map((goal) => ({
      id: goal.id,
      conversationId: goal.conversationId,
      teamGoal: goal.employeeId === null,
      title: goal.title,
      why: goal.why,
      successCriterion: goal.successCriterion,
      targetDate: goal.targetDate,
      competenceIds: [...goal.competenceIds],
      status: goal.status,
      droppedReason: goal.droppedReason,
      createdAt: goal.createdAt.toISOString(),
      actions: actions
        .filter((action) => action.goalId === goal.id)
        .map((action) => ({
          id: action.id,
          kind: action.kind,
          description: action.description,
          owner: name(action.ownerId),
          colleague: name(action.colleagueId),
          dueDate: action.dueDate,
          status: action.status,
          droppedReason: action.droppedReason,
        })),
      statusChanges: changes
        .filter((change) => change.goalId === goal.id)
        .map((change) => ({
          actionId: change.actionId,
          fromStatus: change.fromStatus,
          toStatus: change.toStatus,
          reason: change.reason,
          changedBy: name(change.changedById),
          changedAt: change.changedAt.toISOString(),
        })),
    })),
  };
}
