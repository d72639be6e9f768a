/**
 * @module Deletes the candidates of closed positions once the municipality's retention period has passed, all but the
 * person hired, and records each deletion (counts only) in the audit log.
 */
import type { ScheduledJob } from '../scheduler.ts';

export const candidateRetention: ScheduledJob = {
  name: 'candidate-retention',
  everyMinutes: 60,
  async run({ repositories, now }) {
    const due = await repositories.system.positionsDueForCandidateDeletion(now);
    let candidates = 0;
    for (const { positionId, municipalityId } of due) {
      const deleted = await repositories
        .forTenant(municipalityId)
        .recruitment.purgeCandidates(positionId, now);
      candidates += deleted.candidates;
    }
    return { positions: due.length, candidates };
  },
};
