/** @module Choose the UI language; saved on the account so it follows the user to other devices. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../domain/text.ts';
import { currentLocale, uiLocales } from '../../i18n/i18n.ts';
import { useChangeLocale } from '../../session/session.ts';

export function LanguageForm() {
  const { t } = useTranslation();
  const changeLocale = useChangeLocale();
  const [choice, setChoice] = useState<Locale>(currentLocale());
  const [result, setResult] = useState<'saved' | 'failed' | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    changeLocale.mutate(choice, {
      onSuccess: () => setResult('saved'),
      onError: () => setResult('failed'),
    });
  };

  return (
    <section aria-labelledby="account-language">
      <h2 id="account-language">{t('account.language.title')}</h2>
      <form className="form" onSubmit={onSubmit} aria-labelledby="account-language">
        <fieldset className="fieldset">
          <legend className="form-label">{t('account.language.legend')}</legend>
          <p className="form-hint">{t('account.language.hint')}</p>
          {uiLocales.map((locale) => (
            <div className="radio" key={locale}>
              <input
                className="radio-input"
                type="radio"
                id={`language-${locale}`}
                name="locale"
                value={locale}
                checked={choice === locale}
                onChange={() => {
                  setChoice(locale);
                  setResult(null);
                }}
              />
              <label className="radio-label" htmlFor={`language-${locale}`} lang={locale}>
                {t(`language.names.${locale}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary">
          {t('account.language.submit')}
        </button>
        <div role="status" className="status-line">
          {result === 'saved' ? (
            <p className="notice notice--success">{t('account.language.saved')}</p>
          ) : null}
          {result === 'failed' ? (
            <p className="notice notice--error">{t('account.language.failed')}</p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
