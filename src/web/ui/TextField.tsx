/** @module A labelled input (text, date, time, number) with an optional hint and its error beside it (aria-describedby, aria-invalid). */
import type { ChangeEvent, HTMLInputAutoCompleteAttribute } from 'react';
import { FieldError } from './FieldError.tsx';

interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'number';
  autoComplete?: HTMLInputAutoCompleteAttribute;
  hint?: string;
  error?: string;
  required?: boolean;
  inputMode?: 'email' | 'text' | 'numeric';
  /** Fixed-width fields tell the user roughly how long the answer is. */
  width?: 'm' | 'l' | 'date' | 'number';
  /** For dates and numbers. */
  min?: string | number;
  max?: string | number;
  step?: number;
}

export function TextField(props: TextFieldProps) {
  const {
    id,
    name,
    label,
    value,
    onChange,
    type = 'text',
    autoComplete,
    hint,
    error,
    required,
    inputMode,
  } = props;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'form-group form-group--error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="form-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId} message={error} /> : null}
      <input
        className={`form-input form-input--${props.width ?? 'l'}`}
        id={id}
        name={name}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        min={props.min}
        max={props.max}
        step={props.step}
        spellCheck={type === 'email' ? false : undefined}
        aria-required={required ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    </div>
  );
}
