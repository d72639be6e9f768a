/**
 * @module Erases kinds of a departed person's data and anonymises them, each step with its audit entry (counts only)
 * in the same transaction: shared by the scheduled retention job and the administrator's "erase now".
 */
import type { TenantRepositories } from '../db/repositories/index.ts';
import type { AuditActorKind, AuditPurpose } from '../domain/audit.ts';
import type { PersonalDataType } from '../domain/retention.ts';

export interface ErasureActor {
  actorKind: Extract<AuditActorKind, 'user' | 'system'>;
  actorId: string | null;
  purpose: Extract<AuditPurpose, 'retention' | 'data_rights'>;
}

/**
 * In one transaction: erases each kind in `types` (one audit entry per kind: `person.data_erased` with the kind and
 * how many rows of each sort went), then, with `anonymise`, replaces the person's identity (`person.anonymised`).
 */
export async function erasePerson(
  tenant: TenantRepositories,
  personId: string,
  work: { types: readonly PersonalDataType[]; anonymise: boolean },
  actor: ErasureActor,
  now: Date,
): Promise<void> {
  await tenant.transaction(async (inTransaction, tx) => {
    const event = (action: string, details: Record<string, string | number>) => ({
      ...actor,
      action,
      subjectType: 'user',
      subjectId: personId,
      subjectPersonId: personId,
      details,
    });
    for (const type of work.types) {
      const counts = await inTransaction.erasure.erase(type, personId, now);
      await inTransaction.audit.record(event('person.data_erased', { dataType: type, ...counts }), {
        tx,
        at: now,
      });
    }
    if (work.anonymise) {
      const counts = await inTransaction.erasure.anonymise(personId, now);
      await inTransaction.audit.record(event('person.anonymised', counts), { tx, at: now });
    }
  });
}
