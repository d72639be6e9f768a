/**
 * @module Erases each kind of a departed person's data (conversations and plans, ratings, practice log) once the
 * municipality's period for it has passed since they left, and anonymises them when nothing is left (decision 029).
 */
import { erasedAtOf } from '../../db/repositories/erasure.ts';
import { dueDataTypes, everythingErased, type PersonalDataType } from '../../domain/retention.ts';
import { erasePerson } from '../erasure.ts';
import type { ScheduledJob } from '../scheduler.ts';

export const personalDataRetention: ScheduledJob = {
  name: 'personal-data-retention',
  everyMinutes: 60,
  async run({ repositories, now }) {
    const departed = await repositories.system.departedPeopleToReview();
    const erased: Record<PersonalDataType, number> = { conversations: 0, ratings: 0, practice: 0 };
    let anonymised = 0;
    for (const person of departed) {
      const erasedAt = erasedAtOf(person);
      const periods = {
        conversations: person.conversationMonths,
        ratings: person.ratingMonths,
        practice: person.practiceMonths,
      };
      const types = dueDataTypes({ deactivatedAt: person.deactivatedAt, erasedAt }, periods, now);
      const afterwards = { ...erasedAt, ...Object.fromEntries(types.map((type) => [type, now])) };
      const anonymise = person.anonymisedAt === null && everythingErased(afterwards);
      if (types.length === 0 && !anonymise) continue;
      await erasePerson(
        repositories.forTenant(person.municipalityId),
        person.userId,
        { types, anonymise },
        { actorKind: 'system', actorId: null, purpose: 'retention' },
        now,
      );
      for (const type of types) erased[type] += 1;
      if (anonymise) anonymised += 1;
    }
    return { ...erased, anonymised };
  },
};
