/** @module Two toggle buttons for the UI language; each language is named in itself, with its own lang attribute. */
import { useTranslation } from 'react-i18next';
import { currentLocale, uiLocales } from '../i18n/i18n.ts';
import { useChangeLocale } from '../session/session.ts';

export function LanguageSwitcher() {
  // useTranslation re-renders this on every language change, so `active` is always current.
  const { t } = useTranslation();
  const changeLocale = useChangeLocale();
  const active = currentLocale();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a visible legend to the header; a labelled group says the same.
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {uiLocales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="toggle-button"
          aria-pressed={active === locale}
          onClick={() => {
            if (active !== locale) changeLocale.mutate(locale);
          }}
        >
          {t(`language.names.${locale}`)}
        </button>
      ))}
    </div>
  );
}
