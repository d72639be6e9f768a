/**
 * @module Moving a conversation or group MUS before it starts, and setting the date of its next follow-up: the same
 * two forms for both, each told how to save and what to do with the answer.
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { DateField } from '../../ui/FormField.tsx';
import { isIsoDate, toDateAndTime } from './conversation-form.ts';
import {
  ScheduleFields,
  type ScheduleValues,
  scheduleErrors,
  scheduleFieldIds,
  scheduleSubmit,
} from './ScheduleFields.tsx';
import { type Outcome, useErrorText, useFormErrors } from './shared.tsx';

interface Schedule {
  scheduledAt: string;
  durationMinutes: number;
  place: string;
}

const ids = scheduleFieldIds('reschedule');

/** Before the start, a leader may move it: date, time, duration and place. A stale save gets a 409 and a fresh copy. */
export function RescheduleBox<Detail>(props: {
  current: Schedule;
  save: (schedule: Schedule) => Promise<Detail>;
  onSaved: (detail: Detail) => Promise<void>;
  onConflict: () => Promise<void>;
  onOutcome: (outcome: Outcome) => void;
  durations?: readonly number[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<ScheduleValues>(() => ({
    ...toDateAndTime(props.current.scheduledAt),
    durationMinutes: props.current.durationMinutes,
    place: props.current.place,
  }));
  const { errors, attempt, fail, failWith, clear } = useFormErrors();
  const save = useMutation({
    mutationFn: (scheduledAt: string) =>
      props.save({ scheduledAt, durationMinutes: values.durationMinutes, place: values.place.trim() }),
    onSuccess: async (updated) => {
      clear();
      setOpen(false);
      await props.onSaved(updated);
      props.onOutcome({ kind: 'success', text: t('conversations.detail.rescheduled') });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void props.onConflict();
        fail([{ message: t('conversations.detail.rescheduleConflict') }]);
      } else {
        failWith(error, { scheduledAt: ids.date, durationMinutes: ids.duration, place: ids.place });
      }
    },
  });
  const onSubmit = scheduleSubmit({
    pending: save.isPending,
    problems: () => scheduleErrors(values, ids, t, { future: false }),
    values,
    fail,
    send: save.mutate,
  });
  if (!open) {
    return (
      <p className="print-hidden">
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('conversations.detail.reschedule')}
        </button>
      </p>
    );
  }
  return (
    <form
      className="form form--compact reschedule-form print-hidden"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby="reschedule-title"
    >
      <h3 id="reschedule-title">{t('conversations.detail.reschedule')}</h3>
      <ErrorSummary errors={errors} attempt={attempt} headingLevel={3} />
      <ScheduleFields
        ids={ids}
        values={values}
        errors={errors}
        onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))}
        {...(props.durations ? { durations: props.durations } : {})}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary">
          {t('conversations.detail.rescheduleSave')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('conversations.plan.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The date of the next follow-up, until the record is signed or closed; empty removes it. */
export function FollowUpDateForm<Detail>(props: {
  current: string | null;
  save: (nextFollowUp: string | null) => Promise<Detail>;
  onSaved: (detail: Detail) => Promise<void>;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [date, setDate] = useState(props.current ?? '');
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () => props.save(date || null),
    onSuccess: async (updated) => {
      setError(undefined);
      await props.onSaved(updated);
      props.onOutcome({ kind: 'success', text: t('conversations.detail.nextFollowUpSaved') });
    },
    onError: (failure) => {
      if (failure instanceof ApiError && failure.fields.nextFollowUp) setError(failure.fields.nextFollowUp);
      else props.onOutcome({ kind: 'error', text: errorText(failure) });
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (date && !isIsoDate(date)) {
      setError(t('conversations.detail.nextFollowUpInvalid'));
      return;
    }
    if (!save.isPending) save.mutate();
  };
  const id = 'conversation-next-follow-up';
  return (
    <form className="form form--compact print-hidden" noValidate onSubmit={onSubmit}>
      <DateField
        id={id}
        label={t('conversations.detail.nextFollowUpLabel')}
        hint={t('conversations.detail.nextFollowUpHint')}
        error={error}
        value={date}
        onChange={setDate}
      />
      <button type="submit" className="button button--secondary">
        {t('conversations.detail.nextFollowUpSave')}
      </button>
    </form>
  );
}
