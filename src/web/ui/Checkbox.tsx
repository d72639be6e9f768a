/** @module A DKFDS checkbox with its label, an optional hint below and an error above (aria-describedby). */
import { FieldError } from './FieldError.tsx';

interface CheckboxProps {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}

export function Checkbox(props: CheckboxProps) {
  const describedBy = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={props.error ? 'form-group form-group--error' : 'form-group'}>
      {props.error ? <FieldError id={`${props.id}-error`} message={props.error} /> : null}
      <div className="checkbox">
        <input
          className="checkbox-input"
          type="checkbox"
          id={props.id}
          checked={props.checked}
          aria-describedby={describedBy || undefined}
          aria-invalid={props.error ? true : undefined}
          onChange={(event) => props.onChange(event.target.checked)}
        />
        <label className="checkbox-label" htmlFor={props.id}>
          {props.label}
        </label>
      </div>
      {props.hint ? (
        <p className="form-hint checkbox-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
