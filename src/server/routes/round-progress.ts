/** @module A participant's progress in a round, read from the stored assessment states; shared by rounds and profiles. */
import type { ParticipantRow } from '../../db/repositories/rounds.ts';
import type { AssessmentState, ParticipantProgress } from '../../domain/rounds.ts';

export const assessmentState = (status: string | null): AssessmentState =>
  status === 'submitted' ? 'submitted' : status === 'draft' ? 'draft' : 'not_started';

export const progressOf = (participant: ParticipantRow): ParticipantProgress => ({
  self: assessmentState(participant.selfStatus),
  leader: assessmentState(participant.leaderStatus),
  conversationHeld: participant.conversationHeldAt !== null,
});
