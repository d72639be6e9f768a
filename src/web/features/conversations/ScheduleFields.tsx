/**
 * @module When and where: the date, time, duration and place fields every scheduling form of a conversation shares
 * (a new conversation, a group MUS, a reschedule), with their checks before anything is sent.
 */
import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../i18n/format.ts';
import type { FormError } from '../../ui/ErrorSummary.tsx';
import { DateField, SelectField } from '../../ui/FormField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { errorFor, isIsoDate, isTime, toScheduledAt } from './conversation-form.ts';

export interface ScheduleValues {
  date: string;
  time: string;
  durationMinutes: number;
  place: string;
}

export const scheduleFieldIds = (prefix: string) => ({
  date: `${prefix}-date`,
  time: `${prefix}-time`,
  duration: `${prefix}-duration`,
  place: `${prefix}-place`,
});
type Ids = ReturnType<typeof scheduleFieldIds>;

/** The lengths a conversation is usually booked for. */
export const durations = [30, 45, 60, 90, 120] as const;
/** A group MUS lasts longer than a conversation with one person. */
export const groupDurations = [60, 90, 120, 180] as const;

/** The form's own checks: a real date (not past, for a new one), a time, and a place of at most 200 characters. */
export function scheduleErrors(
  values: ScheduleValues,
  ids: Ids,
  t: TFunction,
  options: { future: boolean },
): FormError[] {
  const found: FormError[] = [];
  if (!values.date) found.push({ fieldId: ids.date, message: t('conversations.new.errors.dateRequired') });
  else if (!isIsoDate(values.date) || !toScheduledAt(values.date, '12:00'))
    found.push({ fieldId: ids.date, message: t('conversations.new.errors.dateInvalid') });
  else if (options.future && values.date < todayIso())
    found.push({ fieldId: ids.date, message: t('conversations.new.errors.datePast') });
  if (!values.time) found.push({ fieldId: ids.time, message: t('conversations.new.errors.timeRequired') });
  else if (!isTime(values.time))
    found.push({ fieldId: ids.time, message: t('conversations.new.errors.timeInvalid') });
  if (!values.place.trim()) found.push({ fieldId: ids.place, message: t('conversations.new.errors.place') });
  else if (values.place.trim().length > 200)
    found.push({ fieldId: ids.place, message: t('conversations.new.errors.placeTooLong', { count: 200 }) });
  return found;
}

export function ScheduleFields(props: {
  ids: Ids;
  values: ScheduleValues;
  errors: readonly FormError[];
  onChange: <K extends keyof ScheduleValues>(key: K, value: ScheduleValues[K]) => void;
  /** A new conversation is not put in the past; a reschedule may keep today's date. */
  future?: boolean;
  placeHint?: string;
  durations?: readonly number[];
}) {
  const { t } = useTranslation();
  const { ids, values, errors, onChange } = props;
  // A duration saved earlier stays choosable even if it is not one of ours.
  const choices = [...new Set<number>([...(props.durations ?? durations), values.durationMinutes])].sort(
    (a, b) => a - b,
  );
  return (
    <>
      <DateField
        id={ids.date}
        label={t('conversations.new.date')}
        error={errorFor(errors, ids.date)}
        value={values.date}
        required
        {...(props.future ? { min: todayIso() } : {})}
        onChange={(value) => onChange('date', value)}
      />
      <DateField
        id={ids.time}
        type="time"
        label={t('conversations.new.time')}
        hint={t('conversations.new.timeHint')}
        error={errorFor(errors, ids.time)}
        value={values.time}
        required
        onChange={(value) => onChange('time', value)}
      />
      <SelectField
        id={ids.duration}
        width="m"
        label={t('conversations.new.duration')}
        error={errorFor(errors, ids.duration)}
        value={values.durationMinutes}
        options={choices.map((minutes) => ({
          value: minutes,
          label: t('conversations.minutes', { count: minutes }),
        }))}
        onChange={(value) => onChange('durationMinutes', Number(value))}
      />
      <TextField
        id={ids.place}
        name="place"
        label={t('conversations.new.place')}
        {...(props.placeHint ? { hint: props.placeHint } : {})}
        value={values.place}
        onChange={(value) => onChange('place', value)}
        error={errorFor(errors, ids.place)}
        required
      />
    </>
  );
}

/**
 * A scheduling form's submit: nothing while a save is under way; the form's own problems first; otherwise the instant
 * its date and time name, in the browser's offset for that day.
 */
export const scheduleSubmit =
  (form: {
    pending: boolean;
    problems: () => FormError[];
    values: Pick<ScheduleValues, 'date' | 'time'>;
    fail: (errors: FormError[]) => void;
    send: (scheduledAt: string) => void;
  }) =>
  (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.pending) return;
    const found = form.problems();
    const scheduledAt = toScheduledAt(form.values.date, form.values.time);
    if (found.length > 0 || !scheduledAt) return form.fail(found);
    form.send(scheduledAt);
  };
