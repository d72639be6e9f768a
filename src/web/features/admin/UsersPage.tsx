/** @module Administration: every user of the municipality in one table, and the units as a tree; links to edit and import. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdminUnit as Unit } from '../../../server/contracts/people-admin.ts';
import { useAdminUnits, useUsers } from '../../api/queries.ts';
import { formatList } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';

function UsersTable() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const users = useUsers();
  if (users.isPending) return <Loading />;
  if (users.isError) return <QueryErrorNotice error={users.error} onRetry={() => void users.refetch()} />;
  const sorted = [...users.data.users].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return (
    <ScrollRegion labelledBy="users-caption">
      <table className="table">
        <caption id="users-caption" className="table-caption">
          {t('admin.usersCaption', { count: sorted.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('person.name')}</th>
            <th scope="col">{t('person.email')}</th>
            <th scope="col">{t('person.title')}</th>
            <th scope="col">{t('person.roles')}</th>
            <th scope="col">{t('person.unit')}</th>
            <th scope="col">{t('person.active')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                <Link to={`/admin/brugere/${user.id}`}>{user.name}</Link>
              </th>
              <td className="nowrap-ish">{user.email}</td>
              <td>{user.title ?? <span className="muted">{t('person.noTitle')}</span>}</td>
              <td>
                {formatList(
                  user.roles.map((role) => t(`roles.${role}`)),
                  locale,
                )}
              </td>
              <td>{user.unit?.name ?? <span className="muted">{t('person.noUnit')}</span>}</td>
              <td>{user.active ? t('common.yes') : t('common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function UnitBranch({ unit, childrenOf }: { unit: Unit; childrenOf: Map<string | null, Unit[]> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const children = childrenOf.get(unit.id) ?? [];
  return (
    <li>
      <Link className="unit-name" to={`/admin/enheder/${unit.id}`}>
        {unit.name}
      </Link>{' '}
      {unit.active ? null : <span className="tag">{t('person.inactive')}</span>}{' '}
      <span className="muted">
        {t('admin.unitMembers', { count: unit.memberCount })}
        {unit.leaders.length
          ? ` · ${t('admin.unitLeaders', {
              names: formatList(
                unit.leaders.map((leader) => leader.name),
                locale,
              ),
            })}`
          : ''}
      </span>
      {children.length ? (
        <ul className="unit-tree">
          {children.map((child) => (
            <UnitBranch key={child.id} unit={child} childrenOf={childrenOf} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function UnitTree() {
  const units = useAdminUnits();
  if (units.isPending) return <Loading />;
  if (units.isError) return <QueryErrorNotice error={units.error} onRetry={() => void units.refetch()} />;
  const known = new Set(units.data.units.map((unit) => unit.id));
  const childrenOf = new Map<string | null, Unit[]>();
  for (const unit of units.data.units) {
    // A unit whose parent is not in the list is shown at the top rather than hidden.
    const parent = unit.parentId && known.has(unit.parentId) ? unit.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), unit]);
  }
  for (const siblings of childrenOf.values()) siblings.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return (
    <ul className="unit-tree unit-tree--root">
      {(childrenOf.get(null) ?? []).map((unit) => (
        <UnitBranch key={unit.id} unit={unit} childrenOf={childrenOf} />
      ))}
    </ul>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      <p className="lead">{t('admin.intro')}</p>
      <p className="button-row">
        <Link className="button button--secondary" to="/admin/brugere/ny">
          {t('admin.newUser')}
        </Link>
        <Link className="button button--secondary" to="/admin/enheder/ny">
          {t('admin.newUnit')}
        </Link>
        <Link className="button button--secondary" to="/admin/import">
          {t('admin.import')}
        </Link>
      </p>
      <section aria-labelledby="admin-users">
        <h2 id="admin-users">{t('admin.usersTitle')}</h2>
        <UsersTable />
      </section>
      <section aria-labelledby="admin-units">
        <h2 id="admin-units">{t('admin.unitsTitle')}</h2>
        <UnitTree />
      </section>
    </>
  );
}
