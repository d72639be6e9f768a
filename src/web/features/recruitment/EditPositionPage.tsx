/** @module Change a position's title, focus competences, target levels and panel, until the interviews begin. */
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { queryKeys, useFrameworkVersion, usePanelOptions, usePosition } from '../../api/queries.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { isVersionId } from '../framework/framework-view.ts';
import type { PositionSavedState } from './NewPositionPage.tsx';
import { PositionForm, type PositionFormValues } from './PositionForm.tsx';

export function EditPositionPage() {
  const { positionId = '' } = useParams();
  if (!isVersionId(positionId)) return <NotFoundPage />;
  return <EditPosition key={positionId} positionId={positionId} />;
}

function EditPosition({ positionId }: { positionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const position = usePosition(positionId);
  const framework = useFrameworkVersion(position.data?.frameworkVersionId);
  const people = usePanelOptions(position.data?.position.canManage ?? false);
  const failed = [position, framework, people].find((query) => query.isError);
  const detail = position.data;
  const editable = detail?.position.canManage && ['draft', 'open'].includes(detail.position.status);

  const onSubmit = async (values: PositionFormValues) => {
    if (!detail) return;
    const saved = await api.updatePosition(positionId, {
      version: detail.version,
      title: values.title.trim(),
      targets: Object.fromEntries(values.focus.map((id) => [id, values.targets[id] ?? 1] as const)),
      focusCompetenceIds: values.focus,
      panelIds: values.panelIds,
    });
    queryClient.setQueryData(queryKeys.position(positionId), saved);
    await queryClient.invalidateQueries({ queryKey: queryKeys.interviewGuide(positionId) });
    await queryClient.invalidateQueries({ queryKey: queryKeys.positions, refetchType: 'none' });
    const state: PositionSavedState = { saved: 'changed' };
    await navigate(`/rekruttering/${positionId}`, { state });
  };

  return (
    <>
      <p className="page-caption">{detail?.position.title ?? t('recruitment.caption')}</p>
      <PageHeading>{t('recruitment.edit.title')}</PageHeading>
      {failed ? (
        <QueryErrorNotice error={failed.error} onRetry={() => void failed.refetch()} />
      ) : !detail || !framework.data ? (
        <Loading />
      ) : !editable ? (
        <div className="notice">
          <p>{t('recruitment.edit.locked')}</p>
          <p>
            <Link to={`/rekruttering/${positionId}`}>{t('recruitment.backToPosition')}</Link>
          </p>
        </div>
      ) : !people.data ? (
        <Loading />
      ) : (
        <>
          <p className="lead">{t('recruitment.edit.intro')}</p>
          <PositionForm
            mode="edit"
            initial={{
              title: detail.position.title,
              unitId: detail.position.unit.id,
              roleProfileId: detail.position.roleProfile.id,
              focus: detail.focusCompetenceIds,
              targets: detail.targets,
              panelIds: detail.position.panel.map((member) => member.id),
            }}
            framework={framework.data.document}
            roleProfiles={[]}
            units={[]}
            people={people.data.people}
            profileTargets={detail.roleProfileTargets}
            submitLabel={t('recruitment.edit.submit')}
            pendingLabel={t('recruitment.edit.submitting')}
            onSubmit={onSubmit}
          />
        </>
      )}
    </>
  );
}
