/**
 * @module A draft list the keyboard can reorder (a conversation agenda, an interview guide): move up and down, remove,
 * add; each change is announced, and focus stays on the button just used — or the nearest one — so a keyboard user
 * never loses their place.
 */
import { useEffect, useId, useState } from 'react';
import { moveItem } from './move-item.ts';

type Action = 'up' | 'down' | 'remove';

export interface ReorderMessages<T> {
  moved: (item: T, position: number, count: number) => string;
  removed: (item: T) => string;
  added: (item: T, count: number) => string;
}

/**
 * The draft's items and the changes a person makes to them. `headingId` names the element that takes focus when the
 * last item is removed (the list's heading).
 */
export function useReorderableDraft<T extends { id: string }>(
  initial: () => T[],
  headingId: string,
  messages: ReorderMessages<T>,
) {
  const [items, setItems] = useState<T[]>(initial);
  const [dirty, setDirty] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const idPrefix = useId();

  useEffect(() => {
    if (!focusTarget) return;
    (document.getElementById(focusTarget) ?? document.getElementById(headingId))?.focus();
    setFocusTarget(null);
  }, [focusTarget, headingId]);

  const buttonId = (action: Action, itemId: string) =>
    `${idPrefix}-${action}-${itemId}`.replace(/[^a-zA-Z0-9_-]/g, '_');

  /** A change by the person: the draft is now unsaved, and `message` is read out. */
  const change = (next: T[], message = '') => {
    setItems(next);
    setDirty(true);
    setAnnouncement(message);
  };

  const move = (index: number, delta: -1 | 1) => {
    const item = items[index];
    const to = index + delta;
    if (!item || to < 0 || to >= items.length) return;
    change(moveItem(items, index, to), messages.moved(item, to + 1, items.length));
    // Keep focus on the button just used; at either end the other direction's button takes it.
    const atEnd = (delta === -1 && to === 0) || (delta === 1 && to === items.length - 1);
    setFocusTarget(buttonId(atEnd ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down', item.id));
  };

  const remove = (index: number) => {
    const item = items[index];
    if (!item) return;
    const next = items.filter((_, position) => position !== index);
    change(next, messages.removed(item));
    const neighbour = next[index] ?? next[index - 1];
    setFocusTarget(neighbour ? buttonId('remove', neighbour.id) : headingId);
  };

  const add = (item: T) => change([...items, item], messages.added(item, items.length + 1));

  /** What the server now holds: the draft is saved. */
  const saved = (next: T[]) => {
    setItems(next);
    setDirty(false);
  };

  return { items, dirty, announcement, buttonId, change, move, remove, add, saved };
}

/** The move-up, move-down and remove buttons of one item; `context` tells a screen reader which item they act on. */
export function ReorderControls(props: {
  index: number;
  count: number;
  itemId: string;
  context: string;
  labels: Record<Action, string>;
  buttonId: (action: Action, itemId: string) => string;
  onMove: (index: number, delta: -1 | 1) => void;
  onRemove: (index: number) => void;
}) {
  const { index, count, itemId, context, labels, buttonId } = props;
  const button = (action: Action, disabled: boolean, onClick: () => void) => (
    <button
      type="button"
      id={buttonId(action, itemId)}
      className="button button--secondary button--small"
      disabled={disabled}
      onClick={onClick}
    >
      {labels[action]}
      <span className="visually-hidden"> {context}</span>
    </button>
  );
  return (
    <div className="button-row agenda-controls">
      {button('up', index === 0, () => props.onMove(index, -1))}
      {button('down', index === count - 1, () => props.onMove(index, 1))}
      {button('remove', false, () => props.onRemove(index))}
    </div>
  );
}
