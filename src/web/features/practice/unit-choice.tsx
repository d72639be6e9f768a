/**
 * @module Choosing one of the units the user may follow — the units they lead and those below them, or every unit for
 * an administrator — kept in the page's address (`?enhed=`), so the view can be bookmarked and goes back as expected.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { subtreeUnitIds } from '../../../domain/access.ts';
import { useUnits } from '../../api/queries.ts';
import { hasRole, useCurrentUser } from '../../session/session.ts';

export interface ChoosableUnit {
  id: string;
  name: string;
}

/**
 * The units the user may choose, in the unit list's order, and the chosen one: from the address, else the first
 * unit without units below it among them (a team rather than the department above it).
 */
export function useChosenUnit(options: { administratorsSeeAll: boolean }) {
  const user = useCurrentUser();
  const units = useUnits();
  const [search, setSearch] = useSearchParams();
  const all = units.data?.units ?? [];
  const allowed =
    options.administratorsSeeAll && hasRole(user, 'admin')
      ? new Set(all.map((unit) => unit.id))
      : subtreeUnitIds(
          all,
          user.ledUnits.map((unit) => unit.id),
        );
  const choosable: ChoosableUnit[] = all
    .filter((unit) => allowed.has(unit.id))
    .map((unit) => ({ id: unit.id, name: unit.name }));
  const isParent = (id: string) => all.some((unit) => unit.parentId === id && allowed.has(unit.id));
  const asked = search.get('enhed');
  const chosen =
    choosable.find((unit) => unit.id === asked) ??
    choosable.find((unit) => !isParent(unit.id)) ??
    choosable[0];
  /** Chooses the unit, and any other of the page's settings, in one step. */
  const choose = (unitId: string, more: Record<string, string> = {}) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('enhed', unitId);
        for (const [key, value] of Object.entries(more)) next.set(key, value);
        return next;
      },
      { replace: true },
    );
  return { units, choosable, chosen, choose, search };
}

/** A small form: the unit (and whatever else the page adds), applied with a button rather than on change. */
export function UnitChooser(props: {
  id: string;
  choosable: ChoosableUnit[];
  chosenId: string;
  label: string;
  onChoose: (unitId: string) => void;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState(props.chosenId);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onChoose(unitId);
  };
  return (
    <form className="form form--compact unit-chooser" onSubmit={onSubmit} aria-label={props.label}>
      <div className="form-group">
        <label className="form-label" htmlFor={props.id}>
          {t('practice.team.unit')}
        </label>
        <select
          id={props.id}
          className="form-select form-select--m"
          value={unitId}
          onChange={(event) => setUnitId(event.target.value)}
        >
          {props.choosable.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </div>
      {props.children}
      <div className="button-row">
        <button type="submit" className="button button--secondary">
          {t('practice.team.show')}
        </button>
      </div>
    </form>
  );
}
