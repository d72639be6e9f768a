/**
 * @module Retention and erasure: how long each kind of data is kept (four periods on one page), the people who left
 * with the date each kind of their data goes, and erasing or anonymising one of them now after a plain warning.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartedPerson } from '../../../server/contracts/erasure.ts';
import { ApiError, api, type MunicipalitySettings } from '../../api/client.ts';
import { queryKeys, useDeparted, useSettings } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { useErrorText } from '../../ui/error-text.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { type Outcome, StatusLine } from '../../ui/StatusLine.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ConfirmButton } from '../people-admin/ConfirmButton.tsx';

/** As the server allows (decision 029); candidates keep their own bounds (decision 018). */
const personalRange = { min: 1, max: 120 } as const;
const candidateChoices = [1, 2, 3, 4, 5, 6, 9, 12, 18, 24];

const periodFields = [
  { key: 'conversationRetentionMonths', id: 'retention-conversations', text: 'conversations' },
  { key: 'ratingRetentionMonths', id: 'retention-ratings', text: 'ratings' },
  { key: 'practiceRetentionMonths', id: 'retention-practice', text: 'practice' },
] as const;
type PeriodKey = (typeof periodFields)[number]['key'];

/** The periods as the form's text fields hold them. */
const initial = (from: MunicipalitySettings) =>
  Object.fromEntries(periodFields.map((field) => [field.key, String(from[field.key])])) as Record<
    PeriodKey,
    string
  >;

export function RetentionPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <PageHeading>{t('retention.title')}</PageHeading>
      <p className="lead">{t('retention.intro')}</p>
      <h2>{t('retention.periodsTitle')}</h2>
      <p>{t('retention.periodsIntro')}</p>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <QueryErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <PeriodsForm settings={settings.data} />
      )}
      <DepartedPeople />
    </>
  );
}

function PeriodsForm({ settings }: { settings: MunicipalitySettings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initial(settings));
  const [candidates, setCandidates] = useState(settings.candidateRetentionMonths);
  const [errors, setErrors] = useState<Partial<Record<PeriodKey, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Outcome | null>(null);
  useEffect(() => {
    setValues(initial(settings));
    setCandidates(settings.candidateRetentionMonths);
  }, [settings]);
  const save = useMutation({
    mutationFn: () =>
      api.saveSettings({
        conversationRetentionMonths: Number(values.conversationRetentionMonths),
        ratingRetentionMonths: Number(values.ratingRetentionMonths),
        practiceRetentionMonths: Number(values.practiceRetentionMonths),
        candidateRetentionMonths: candidates,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.departed });
      setResult({ kind: 'success', text: t('retention.saved') });
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        const fromServer = Object.fromEntries(
          periodFields.flatMap((field) =>
            error.fields[field.key] ? [[field.key, error.fields[field.key]]] : [],
          ),
        );
        setErrors(fromServer);
        setAttempt((count) => count + 1);
      }
      setResult({
        kind: 'error',
        text: errorText(error),
      });
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const found: Partial<Record<PeriodKey, string>> = {};
    for (const field of periodFields) {
      const text = values[field.key].trim();
      const months = Number(text);
      if (!/^\d+$/.test(text) || months < personalRange.min || months > personalRange.max)
        found[field.key] = t('retention.monthsError', personalRange);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((count) => count + 1);
      setResult(null);
      return;
    }
    save.mutate();
  };
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-label={t('retention.periodsTitle')}>
      <ErrorSummary
        errors={periodFields.flatMap((field) =>
          errors[field.key] ? [{ fieldId: field.id, message: errors[field.key]! }] : [],
        )}
        attempt={attempt}
      />
      {periodFields.map((field) => (
        <TextField
          key={field.key}
          id={field.id}
          name={field.key}
          type="number"
          width="number"
          inputMode="numeric"
          min={personalRange.min}
          max={personalRange.max}
          label={t(`retention.${field.text}`)}
          hint={t(`retention.${field.text}Hint`, personalRange)}
          value={values[field.key]}
          error={errors[field.key]}
          onChange={(value) => {
            setValues((current) => ({ ...current, [field.key]: value }));
            setResult(null);
          }}
        />
      ))}
      <div className="form-group">
        <label className="form-label" htmlFor="retention-candidates">
          {t('settings.candidateRetention')}
        </label>
        <p className="form-hint" id="retention-candidates-hint">
          {t('settings.candidateRetentionHint')}
        </p>
        <select
          id="retention-candidates"
          className="form-select form-select--m"
          value={candidates}
          aria-describedby="retention-candidates-hint"
          onChange={(event) => {
            setCandidates(Number(event.target.value));
            setResult(null);
          }}
        >
          {[...new Set([...candidateChoices, settings.candidateRetentionMonths])]
            .sort((a, b) => a - b)
            .map((months) => (
              <option key={months} value={months}>
                {t('settings.months', { count: months })}
              </option>
            ))}
        </select>
      </div>
      <button type="submit" className="button button--primary">
        {save.isPending ? t('retention.saving') : t('retention.save')}
      </button>
      <StatusLine outcome={result} />
    </form>
  );
}

const typeLabel = {
  conversations: 'retention.typeConversations',
  ratings: 'retention.typeRatings',
  practice: 'retention.typePractice',
} as const;

function DepartedPeople() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const locale = currentLocale();
  const departed = useDeparted();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<Outcome | null>(null);
  const status = useRef<HTMLDivElement>(null);
  // After an erasure the buttons that were used are gone: the message is where the reader goes on from.
  useEffect(() => {
    if (result) status.current?.focus();
  }, [result]);
  const nameOf = (person: DepartedPerson) =>
    person.anonymisedAt ? t('retention.formerEmployee') : person.name;
  const act = useMutation({
    mutationFn: ({ person, action }: { person: DepartedPerson; action: 'erase' | 'anonymise' }) =>
      action === 'erase' ? api.eraseDeparted(person.id) : api.anonymiseDeparted(person.id),
    onSuccess: (_, { person, action }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.departed });
      setResult({
        kind: 'success',
        text: t(action === 'erase' ? 'retention.erased' : 'retention.anonymised', { name: person.name }),
      });
    },
    onError: (error) =>
      setResult({
        kind: 'error',
        text: errorText(error),
      }),
  });
  return (
    <>
      <h2>{t('retention.departedTitle')}</h2>
      <p>{t('retention.departedIntro')}</p>
      <StatusLine outcome={result} focusRef={status} />
      {departed.isPending ? (
        <Loading />
      ) : departed.isError ? (
        <QueryErrorNotice error={departed.error} onRetry={() => void departed.refetch()} />
      ) : departed.data.people.length === 0 ? (
        <p>{t('retention.empty')}</p>
      ) : (
        <ScrollRegion labelledBy="departed-caption">
          <table className="table">
            <caption id="departed-caption" className="table-caption">
              {t('retention.caption', { count: departed.data.people.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('retention.person')}</th>
                <th scope="col">{t('retention.stopped')}</th>
                {(['conversations', 'ratings', 'practice'] as const).map((type) => (
                  <th scope="col" key={type}>
                    {t(typeLabel[type])}
                  </th>
                ))}
                <th scope="col">{t('retention.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {departed.data.people.map((person) => {
                const allErased = person.dataTypes.every((type) => type.erasedAt !== null);
                return (
                  <tr key={person.id}>
                    <th scope="row">
                      {nameOf(person)}
                      {person.unit ? <div className="form-hint">{person.unit.name}</div> : null}
                      {person.anonymisedAt ? (
                        <div className="form-hint">
                          {t('retention.anonymisedOn', { date: formatDate(person.anonymisedAt, locale) })}
                        </div>
                      ) : null}
                    </th>
                    <td>{formatDate(person.deactivatedAt, locale)}</td>
                    {person.dataTypes.map((type) => (
                      <td key={type.type}>
                        {type.erasedAt
                          ? t('retention.erasedOn', { date: formatDate(type.erasedAt, locale) })
                          : t('retention.erasesOn', { date: formatDate(type.erasesAt, locale) })}
                      </td>
                    ))}
                    <td>
                      {allErased && person.anonymisedAt ? (
                        t('retention.nothingLeft')
                      ) : (
                        <div className="button-row">
                          {allErased ? null : (
                            <ConfirmButton
                              label={t('retention.erase')}
                              question={t('retention.eraseQuestion', { name: nameOf(person) })}
                              details={t('retention.eraseDetails')}
                              confirmLabel={t('retention.eraseConfirm')}
                              onConfirm={() => act.mutate({ person, action: 'erase' })}
                            />
                          )}
                          {person.anonymisedAt ? null : (
                            <ConfirmButton
                              label={t('retention.anonymise')}
                              question={t('retention.anonymiseQuestion', { name: person.name })}
                              details={t('retention.anonymiseDetails')}
                              confirmLabel={t('retention.anonymiseConfirm')}
                              onConfirm={() => act.mutate({ person, action: 'anonymise' })}
                            />
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
