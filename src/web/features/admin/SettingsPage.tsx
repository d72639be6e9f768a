/**
 * @module The municipality's settings: whether HR may follow profiling rounds, and the minimum group size of aggregates.
 * How long data is kept is set on the retention page (RetentionPage.tsx).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { queryKeys, useSettings } from '../../api/queries.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { useErrorText } from '../../ui/error-text.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { type Outcome, StatusLine } from '../../ui/StatusLine.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { AccessibilityContactForm } from '../accessibility/AccessibilityContactForm.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      <p className="lead">{t('settings.intro')}</p>
      <p>
        {t('settings.retentionMoved')} <Link to="/admin/sletning">{t('adminHub.pages.retention.title')}</Link>
        .
      </p>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <QueryErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm
          hrSeesRounds={settings.data.hrSeesRounds}
          timeZone={settings.data.timeZone}
          minGroupSize={settings.data.minGroupSize}
        />
      )}
      <AccessibilityContactForm />
    </>
  );
}

/** As the server allows: no aggregate may cover fewer than 3, and a minimum above 50 would hide every team. */
const groupSizeRange = { min: 3, max: 50 } as const;

function SettingsForm(props: { hrSeesRounds: boolean; timeZone: string; minGroupSize: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [hrSeesRounds, setHrSeesRounds] = useState(props.hrSeesRounds);
  const [minGroupSize, setMinGroupSize] = useState(String(props.minGroupSize));
  const [groupSizeError, setGroupSizeError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Outcome | null>(null);
  useEffect(() => setHrSeesRounds(props.hrSeesRounds), [props.hrSeesRounds]);
  useEffect(() => setMinGroupSize(String(props.minGroupSize)), [props.minGroupSize]);
  const save = useMutation({
    mutationFn: () =>
      api.saveSettings({
        hrSeesRounds,
        minGroupSize: Number(minGroupSize),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
      setResult({ kind: 'success', text: t('settings.saved') });
    },
    onError: (error) => {
      const fieldMessage = error instanceof ApiError ? error.fields.minGroupSize : undefined;
      if (fieldMessage) {
        setGroupSizeError(fieldMessage);
        setAttempt((count) => count + 1);
      }
      setResult({
        kind: 'error',
        text: errorText(error),
      });
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const size = Number(minGroupSize);
    if (!/^\d+$/.test(minGroupSize.trim()) || size < groupSizeRange.min || size > groupSizeRange.max) {
      setGroupSizeError(t('settings.minGroupSizeError', groupSizeRange));
      setAttempt((count) => count + 1);
      setResult(null);
      return;
    }
    setGroupSizeError(null);
    save.mutate();
  };
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-label={t('settings.title')}>
      <ErrorSummary
        errors={groupSizeError ? [{ fieldId: 'settings-min-group-size', message: groupSizeError }] : []}
        attempt={attempt}
      />
      <div className="form-group">
        <div className="checkbox">
          <input
            className="checkbox-input"
            type="checkbox"
            id="settings-hr-sees-rounds"
            checked={hrSeesRounds}
            aria-describedby="settings-hr-sees-rounds-hint"
            onChange={(event) => {
              setHrSeesRounds(event.target.checked);
              setResult(null);
            }}
          />
          <label className="checkbox-label" htmlFor="settings-hr-sees-rounds">
            {t('settings.hrSeesRounds')}
          </label>
        </div>
        <p className="form-hint checkbox-hint" id="settings-hr-sees-rounds-hint">
          {t('settings.hrSeesRoundsHint')}
        </p>
      </div>
      <TextField
        id="settings-min-group-size"
        name="minGroupSize"
        type="number"
        width="number"
        inputMode="numeric"
        min={groupSizeRange.min}
        max={groupSizeRange.max}
        label={t('settings.minGroupSize')}
        hint={t('settings.minGroupSizeHint', groupSizeRange)}
        value={minGroupSize}
        error={groupSizeError ?? undefined}
        onChange={(value) => {
          setMinGroupSize(value);
          setResult(null);
        }}
      />
      <dl className="summary-list">
        <div className="summary-list-row">
          <dt>{t('settings.timeZone')}</dt>
          <dd>{props.timeZone}</dd>
        </div>
      </dl>
      <button type="submit" className="button button--primary">
        {save.isPending ? t('settings.saving') : t('settings.save')}
      </button>
      <StatusLine outcome={result} />
    </form>
  );
}
