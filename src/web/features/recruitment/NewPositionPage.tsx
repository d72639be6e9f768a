/** @module Create a position: from a role profile, with focus competences, target levels and a panel. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { subtreeUnitIds } from '../../../domain/access.ts';
import { api } from '../../api/client.ts';
import {
  queryKeys,
  useFrameworkVersion,
  usePanelOptions,
  useRoleProfiles,
  useUnits,
} from '../../api/queries.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { hasRole, useCurrentUser } from '../../session/session.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { PositionForm, type PositionFormValues } from './PositionForm.tsx';

/** State passed to the position page after a save, so it can say so. */
export interface PositionSavedState {
  saved?: 'created' | 'changed';
}

export function NewPositionPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useUnits();
  const roleProfiles = useRoleProfiles();
  const people = usePanelOptions();
  const profiles = roleProfiles.data?.roleProfiles ?? [];
  const preferred = profiles.find((profile) => profile.key === 'specialist-i-borgerbetjening') ?? profiles[0];
  const [roleProfileId, setRoleProfileId] = useState<string | undefined>(undefined);
  const profile = profiles.find((entry) => entry.id === (roleProfileId ?? preferred?.id));
  const framework = useFrameworkVersion(profile?.frameworkVersionId);

  const queries = [units, roleProfiles, people, framework];
  const failed = queries.find((query) => query.isError);
  // HR may place a position in any unit; a leader in the units they lead and those below them.
  const choosable = (units.data?.units ?? [])
    .filter((unit) =>
      hasRole(user, 'hr')
        ? true
        : subtreeUnitIds(
            units.data?.units ?? [],
            user.ledUnits.map((led) => led.id),
          ).has(unit.id),
    )
    .map((unit) => ({ id: unit.id, name: unit.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));

  const onSubmit = async (values: PositionFormValues) => {
    const created = await api.createPosition({
      title: values.title.trim(),
      unitId: values.unitId,
      roleProfileId: values.roleProfileId,
      targets: Object.fromEntries(
        values.focus.map((id) => [id, values.targets[id] ?? profile?.targets[id] ?? 1] as const),
      ),
      focusCompetenceIds: values.focus,
      panelIds: values.panelIds,
    });
    queryClient.setQueryData(queryKeys.position(created.position.id), created);
    await queryClient.invalidateQueries({ queryKey: queryKeys.positions, refetchType: 'none' });
    const state: PositionSavedState = { saved: 'created' };
    await navigate(`/rekruttering/${created.position.id}`, { state });
  };

  return (
    <>
      <p className="page-caption">{t('recruitment.caption')}</p>
      <PageHeading>{t('recruitment.new.title')}</PageHeading>
      <p className="lead">{t('recruitment.new.intro')}</p>
      {failed ? (
        <QueryErrorNotice error={failed.error} onRetry={() => void failed.refetch()} />
      ) : !units.data || !roleProfiles.data || !people.data || !framework.data || !profile ? (
        profiles.length === 0 && roleProfiles.data ? (
          <p>{t('recruitment.new.noRoleProfiles')}</p>
        ) : (
          <Loading />
        )
      ) : (
        <PositionForm
          mode="create"
          initial={{
            title: '',
            unitId: choosable[0]?.id ?? '',
            roleProfileId: profile.id,
            focus: [],
            targets: {},
            panelIds: hasRole(user, 'leader') ? [user.id] : [],
          }}
          framework={framework.data.document}
          roleProfiles={profiles.map((entry) => ({
            id: entry.id,
            name: entry.name[locale],
            targets: entry.targets,
          }))}
          units={choosable}
          people={people.data.people}
          profileTargets={profile.targets}
          onRoleProfileChange={setRoleProfileId}
          submitLabel={t('recruitment.new.submit')}
          pendingLabel={t('recruitment.new.submitting')}
          onSubmit={onSubmit}
        />
      )}
    </>
  );
}
