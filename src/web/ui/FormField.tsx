/**
 * @module A labelled form control with its hint and its error beside it (DKFDS): the field draws the label, hint and
 * error, the control it wraps gets the ids that point at them (aria-describedby, aria-invalid).
 */
import type { ReactNode } from 'react';
import { FieldError } from './FieldError.tsx';

/** What the wrapped control spreads onto itself. */
export interface ControlAria {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

export function FormField(props: FieldProps & { children: (aria: ControlAria) => ReactNode }) {
  const { id, label, hint, error } = props;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="form-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
      {props.children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
    </div>
  );
}

/** A date or time input in a {@link FormField}. */
export function DateField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    type?: 'date' | 'time';
    min?: string;
    required?: boolean;
  },
) {
  const { value, onChange, type = 'date', min, required, ...field } = props;
  return (
    <FormField {...field}>
      {(aria) => (
        <input
          {...aria}
          type={type}
          className="form-input form-input--date"
          min={min}
          value={value}
          required={required}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

/** A select of people or things by id, in a {@link FormField}; `empty` is the first option's text, if any. */
export function SelectField<Value extends string | number>(
  props: FieldProps & {
    value: Value;
    onChange: (value: string) => void;
    options: readonly { value: Value; label: string }[];
    empty?: string;
    width?: 'm';
  },
) {
  const { value, onChange, options, empty, width, ...field } = props;
  return (
    <FormField {...field}>
      {(aria) => (
        <select
          {...aria}
          className={width ? `form-select form-select--${width}` : 'form-select'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {empty !== undefined ? <option value="">{empty}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
