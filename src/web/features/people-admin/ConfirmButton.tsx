/**
 * @module A button for something that cannot simply be undone: it asks once more, in the page, before it acts. Focus
 * moves to the question, and back to the button when the answer is no, so a keyboard user never loses their place.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps {
  /** The button's text, e.g. "Deaktiver brugeren". */
  label: string;
  /** The question asked before acting, e.g. "Vil du deaktivere Birthe Hansen?". */
  question: string;
  /** The text of the button that acts, e.g. "Ja, deaktiver". */
  confirmLabel: string;
  /** What will be gone for good, said plainly under the question. */
  details?: string;
  onConfirm: () => void;
}

export function ConfirmButton({ label, question, confirmLabel, details, onConfirm }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);
  useEffect(() => {
    if (asking) panel.current?.focus();
    else if (answered.current) trigger.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button--secondary"
        ref={trigger}
        onClick={() => {
          answered.current = false;
          setAsking(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="panel" ref={panel} tabIndex={-1}>
      <p>
        <strong>{question}</strong>
      </p>
      {details ? <p>{details}</p> : null}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            answered.current = true;
            setAsking(false);
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
