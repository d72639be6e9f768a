/** @module The administrator's part of the accessibility statement: how staff report a problem in this municipality. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { queryKeys, useAccessibility } from '../../api/queries.ts';
import { CharacterCountedTextArea } from '../../ui/CharacterCountedTextArea.tsx';
import { useErrorText } from '../../ui/error-text.ts';
import { Loading } from '../../ui/Loading.tsx';
import { type Outcome, StatusLine } from '../../ui/StatusLine.tsx';

const fieldId = 'settings-accessibility-contact';

export function AccessibilityContactForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const statement = useAccessibility();
  const [contact, setContact] = useState('');
  const [result, setResult] = useState<Outcome | null>(null);
  useEffect(() => setContact(statement.data?.contact ?? ''), [statement.data?.contact]);
  const save = useMutation({
    mutationFn: () => api.saveAccessibilityContact(contact),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.accessibility, saved);
      setResult({ kind: 'success', text: t('accessibility.settings.saved') });
    },
    onError: (error) =>
      setResult({
        kind: 'error',
        text: errorText(error),
      }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };
  return (
    <section aria-labelledby="settings-accessibility">
      <h2 id="settings-accessibility">{t('accessibility.settings.title')}</h2>
      <p>
        {t('accessibility.settings.intro')} <Link to="/tilgaengelighed">{t('accessibility.title')}</Link>
      </p>
      {statement.isPending ? (
        <Loading />
      ) : (
        <form className="form" onSubmit={onSubmit} aria-labelledby="settings-accessibility">
          <CharacterCountedTextArea
            id={fieldId}
            label={t('accessibility.settings.contact')}
            hint={t('accessibility.settings.hint')}
            value={contact}
            onChange={(value) => {
              setContact(value);
              setResult(null);
            }}
            maxLength={1000}
            rows={4}
          />
          <button type="submit" className="button button--primary">
            {save.isPending ? t('settings.saving') : t('accessibility.settings.save')}
          </button>
          <StatusLine outcome={result} />
        </form>
      )}
    </section>
  );
}
