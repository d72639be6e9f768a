/** @module The line under a form or an action that says what it did: a polite live region, in words and colour. */
import type { Ref } from 'react';

export interface Outcome {
  kind: 'success' | 'error';
  text: string;
}

/**
 * A polite live region: what the last action did, in a green or red notice that also says it in words. With
 * `focusRef` it can take focus, for when the control that was used is gone after the action.
 */
export function StatusLine({
  outcome,
  focusRef,
}: {
  outcome: Outcome | null;
  focusRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={focusRef} tabIndex={focusRef ? -1 : undefined} role="status" className="status-line">
      {outcome ? (
        <p className={outcome.kind === 'success' ? 'notice notice--success' : 'notice notice--error'}>
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}
