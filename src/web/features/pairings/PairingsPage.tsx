/**
 * @module "Lær af kolleger" (leaders): for each development area of the people in a unit, the colleagues suggested
 * to learn from — names only, never ratings — a form to confirm a pairing, and the unit's pairings to follow up.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairingSuggestions } from '../../../server/contracts/pairings.ts';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys, usePairingSuggestions, usePairings } from '../../api/queries.ts';
import { formatList, todayIso } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import { ErrorSummary, type FormError } from '../../ui/ErrorSummary.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { errorFor, placeFieldErrors } from '../conversations/conversation-form.ts';
import { type Outcome, StatusLine } from '../conversations/shared.tsx';
import { UnitChooser, useChosenUnit } from '../practice/unit-choice.tsx';
import { PairingCard } from './PairingCard.tsx';

type Learner = PairingSuggestions['learners'][number];
type Need = Learner['needs'][number];
interface NeedProps {
  learner: Learner;
  need: Need;
  onOutcome: (outcome: Outcome) => void;
}

export function PairingsPage() {
  const { t } = useTranslation();
  const { units, choosable, chosen, choose } = useChosenUnit({ administratorsSeeAll: false });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <>
      <PageHeading>{t('pairings.title')}</PageHeading>
      <p className="lead">{t('pairings.intro')}</p>
      {units.isPending ? (
        <Loading />
      ) : units.isError ? (
        <QueryErrorNotice error={units.error} onRetry={() => void units.refetch()} />
      ) : !chosen ? (
        <p>{t('pairings.noUnits')}</p>
      ) : (
        <>
          <UnitChooser
            id="pairings-unit"
            label={t('pairings.title')}
            choosable={choosable}
            chosenId={chosen.id}
            onChoose={(unitId) => choose(unitId)}
          />
          <StatusLine outcome={outcome} />
          <Suggestions key={chosen.id} unitId={chosen.id} onOutcome={setOutcome} />
          <UnitPairings unitId={chosen.id} onOutcome={setOutcome} />
        </>
      )}
    </>
  );
}

function Suggestions({ unitId, onOutcome }: { unitId: string; onOutcome: (outcome: Outcome) => void }) {
  const { t } = useTranslation();
  const suggestions = usePairingSuggestions(unitId);
  return (
    <section aria-labelledby="pairings-suggestions" className="practice-section">
      <h2 id="pairings-suggestions">{t('pairings.suggestionsTitle')}</h2>
      {suggestions.isPending ? (
        <Loading />
      ) : suggestions.isError ? (
        <QueryErrorNotice error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : suggestions.data.learners.length === 0 ? (
        <p>{t('pairings.noSuggestions')}</p>
      ) : (
        <ul className="pairing-learners">
          {suggestions.data.learners.map((learner) => (
            <li key={learner.person.id} className="pairing-learner">
              <h3>
                {learner.person.name}{' '}
                <span className="muted">({t('pairings.needs', { count: learner.needs.length })})</span>
              </h3>
              <ul className="pairing-needs">
                {learner.needs.map((need) => (
                  <li key={need.competence.id}>
                    <NeedItem learner={learner} need={need} onOutcome={onOutcome} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NeedItem({ learner, need, onOutcome }: NeedProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (need.pairedWith.length > 0) {
    return (
      <p className="pairing-need">
        <strong>{need.competence.name}</strong>:{' '}
        {t('pairings.pairedWith', {
          names: formatList(
            need.pairedWith.map((person) => person.name),
            locale,
          ),
        })}
      </p>
    );
  }
  if (need.helpers.length === 0) {
    return (
      <p className="pairing-need">
        <strong>{need.competence.name}</strong>: {t('pairings.noHelpers')}
      </p>
    );
  }
  return (
    <details className="pairing-need">
      <summary>
        {need.competence.name}{' '}
        <span className="muted">({t('pairings.suggestionCount', { count: need.helpers.length })})</span>
      </summary>
      <ConfirmForm learner={learner} need={need} onOutcome={onOutcome} />
    </details>
  );
}

function ConfirmForm({ learner, need, onOutcome }: NeedProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const base = `pairing-${learner.person.id}-${need.competence.id}`;
  const ids = {
    helperId: `${base}-helper-${need.helpers[0]?.id ?? ''}`,
    note: `${base}-note`,
    dueDate: `${base}-due`,
  };
  const [helperId, setHelperId] = useState('');
  const [note, setNote] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const fail = (found: FormError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const found: FormError[] = [];
    if (!helperId)
      found.push({
        fieldId: ids.helperId,
        message: t('pairings.errors.helper', { name: learner.person.name }),
      });
    if (dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(dueDate))
      found.push({ fieldId: ids.dueDate, message: t('pairings.errors.dueDate') });
    if (found.length > 0) return fail(found);
    setBusy(true);
    try {
      const pairing = await api.createPairing({
        learnerId: learner.person.id,
        helperId,
        competenceId: need.competence.id,
        note: note.trim(),
        dueDate: dueDate || null,
      });
      onOutcome({
        kind: 'success',
        text: t('pairings.confirmed', {
          learner: pairing.learner.name,
          helper: pairing.helper.name,
          competence: pairing.competence.name,
        }),
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.pairings }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tasks, refetchType: 'none' }),
      ]);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        fail(placeFieldErrors(error.fields, ids));
      } else {
        fail([
          { message: error instanceof ApiError && error.message ? error.message : t('errors.generic.text') },
        ]);
      }
    } finally {
      setBusy(false);
    }
  };
  const helperError = errorFor(errors, ids.helperId);
  const dueError = errorFor(errors, ids.dueDate);
  return (
    <form className="form form--compact pairing-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <ErrorSummary errors={errors} attempt={attempt} headingLevel={3} />
      <fieldset
        className={helperError ? 'fieldset form-group form-group--error' : 'fieldset form-group'}
        aria-describedby={helperError ? `${base}-helper-error` : undefined}
      >
        <legend className="form-label">{t('pairings.chooseHelper', { name: learner.person.name })}</legend>
        {helperError ? <FieldError id={`${base}-helper-error`} message={helperError} /> : null}
        {need.helpers.map((helper) => {
          const id = `${base}-helper-${helper.id}`;
          return (
            <div className="radio" key={helper.id}>
              <input
                className="radio-input"
                type="radio"
                id={id}
                name={`${base}-helper`}
                checked={helperId === helper.id}
                aria-describedby={`${id}-load`}
                onChange={() => setHelperId(helper.id)}
              />
              <label className="radio-label" htmlFor={id}>
                {helper.name}{' '}
                <span className="muted" id={`${id}-load`}>
                  ({t('pairings.helperLoad', { count: helper.openPairings })})
                </span>
              </label>
            </div>
          );
        })}
      </fieldset>
      <CharacterCountedTextArea
        id={ids.note}
        label={t('pairings.note')}
        hint={t('pairings.noteHint')}
        value={note}
        maxLength={1000}
        rows={2}
        error={errorFor(errors, ids.note)}
        onChange={setNote}
      />
      <div className={dueError ? 'form-group form-group--error' : 'form-group'}>
        <label className="form-label" htmlFor={ids.dueDate}>
          {t('pairings.dueDate')}
        </label>
        {dueError ? <FieldError id={`${ids.dueDate}-error`} message={dueError} /> : null}
        <input
          id={ids.dueDate}
          type="date"
          className="form-input form-input--date"
          value={dueDate}
          min={todayIso()}
          aria-invalid={dueError ? true : undefined}
          aria-describedby={dueError ? `${ids.dueDate}-error` : undefined}
          onChange={(event) => setDueDate(event.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('pairings.confirming') : t('pairings.confirm')}
      </button>
    </form>
  );
}

function UnitPairings({ unitId, onOutcome }: { unitId: string; onOutcome: (outcome: Outcome) => void }) {
  const { t } = useTranslation();
  const pairings = usePairings();
  const inUnit = (pairings.data?.pairings ?? []).filter(
    (pairing) => pairing.myRole === 'leader' && pairing.unitId === unitId,
  );
  return (
    <section aria-labelledby="pairings-list" className="practice-section">
      <h2 id="pairings-list">{t('pairings.listTitle')}</h2>
      {pairings.isPending ? (
        <Loading />
      ) : pairings.isError ? (
        <QueryErrorNotice error={pairings.error} onRetry={() => void pairings.refetch()} />
      ) : inUnit.length === 0 ? (
        <p>{t('pairings.listEmpty')}</p>
      ) : (
        <ul className="pairing-list">
          {inUnit.map((pairing) => (
            <li key={pairing.id}>
              <PairingCard pairing={pairing} headingLevel={3} onOutcome={onOutcome} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
