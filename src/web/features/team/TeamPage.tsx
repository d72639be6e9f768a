/** @module A leader's team: the people in the units they lead (sub-units included), grouped by unit. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person, Team } from '../../../server/contracts/people.ts';
import { useTeam } from '../../api/queries.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';

interface UnitGroup {
  id: string;
  name: string;
  members: Person[];
}

/** Members under the team's units in the server's order; anyone whose unit is not listed goes last, not lost. */
function groupByUnit(team: Team, otherName: string): UnitGroup[] {
  const groups: UnitGroup[] = team.units.map((unit) => ({ id: unit.id, name: unit.name, members: [] }));
  const byId = new Map(groups.map((group) => [group.id, group]));
  const other: UnitGroup = { id: 'other', name: otherName, members: [] };
  for (const member of team.members) {
    (byId.get(member.unit?.id ?? '') ?? other).members.push(member);
  }
  for (const group of groups) group.members.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return other.members.length ? [...groups, other] : groups;
}

function MemberCard({ member }: { member: Person }) {
  const { t } = useTranslation();
  return (
    <li className="person">
      <p className="person-name">
        {member.name}
        {member.active ? null : <span className="tag">{t('person.inactive')}</span>}
      </p>
      <p className="person-title">{member.title ?? t('person.noTitle')}</p>
      <p className="person-email">
        <span className="visually-hidden">{t('person.email')}: </span>
        <a href={`mailto:${member.email}`}>{member.email}</a>
      </p>
      <p className="person-profile">
        <Link to={`/profil/${member.id}`}>
          {t('team.profileLink')}
          <span className="visually-hidden"> {t('team.profileOf', { name: member.name })}</span>
        </Link>
      </p>
      <p className="person-profile">
        <Link to={`/plan/${member.id}`}>
          {t('team.planLink')}
          <span className="visually-hidden"> {t('team.planOf', { name: member.name })}</span>
        </Link>
      </p>
    </li>
  );
}

export function TeamPage() {
  const { t } = useTranslation();
  const team = useTeam();
  return (
    <>
      <PageHeading>{t('team.title')}</PageHeading>
      <p className="lead">{t('team.intro')}</p>
      {team.isPending ? (
        <Loading />
      ) : team.isError ? (
        <QueryErrorNotice error={team.error} onRetry={() => void team.refetch()} />
      ) : team.data.members.length === 0 ? (
        <p>{t('team.empty')}</p>
      ) : (
        groupByUnit(team.data, t('team.otherUnit')).map((group) => (
          <section key={group.id} aria-labelledby={`unit-${group.id}`} className="team-unit">
            <h2 id={`unit-${group.id}`}>{group.name}</h2>
            <p className="muted">{t('team.memberCount', { count: group.members.length })}</p>
            {group.members.length ? (
              <ul className="person-list">
                {group.members.map((member) => (
                  <MemberCard key={member.id} member={member} />
                ))}
              </ul>
            ) : null}
          </section>
        ))
      )}
    </>
  );
}
