/**
 * @module The accessibility statement ("tilgængelighedserklæring"): how far Vejviser meets WCAG 2.1 AA, how that is
 * checked, what is known not to work, how to report a problem, and the right to complain to Digitaliseringsstyrelsen.
 * Open to everyone, also before login.
 */
import { useTranslation } from 'react-i18next';
import { useAccessibility } from '../../api/queries.ts';
import { formatDay } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/i18n.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Paragraphs } from '../../ui/Paragraphs.tsx';

/** When the statement was last checked against the product; to be moved on at every review (at least yearly). */
export const statementReviewed = '2026-12-04';

const digitaliseringsstyrelsen =
  'https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/';

function Contact() {
  const { t } = useTranslation();
  const statement = useAccessibility();
  if (statement.isPending) return <Loading />;
  const contact = statement.data?.contact;
  const municipality = statement.data?.municipality;
  return contact ? (
    <>
      <p>{municipality ? t('accessibility.contactOf', { municipality }) : t('accessibility.contactIntro')}</p>
      <div className="statement-contact">
        <Paragraphs text={contact} />
      </div>
    </>
  ) : (
    <p>{t('accessibility.contactDefault')}</p>
  );
}

export function AccessibilityPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = (key: 'tested' | 'limitations') =>
    t(`accessibility.${key}List`)
      .split('\n')
      .map((line) => <li key={line}>{line}</li>);
  return (
    <article className="statement">
      <PageHeading>{t('accessibility.title')}</PageHeading>
      <p className="lead">{t('accessibility.intro')}</p>

      <h2>{t('accessibility.statusTitle')}</h2>
      <p>{t('accessibility.status')}</p>

      <h2>{t('accessibility.testedTitle')}</h2>
      <p>{t('accessibility.testedIntro')}</p>
      <ul>{list('tested')}</ul>

      <h2>{t('accessibility.limitationsTitle')}</h2>
      <p>{t('accessibility.limitationsIntro')}</p>
      <ul>{list('limitations')}</ul>

      <h2>{t('accessibility.reportTitle')}</h2>
      <Contact />
      <p>{t('accessibility.reportAdvice')}</p>

      <h2>{t('accessibility.complainTitle')}</h2>
      <p>{t('accessibility.complain')}</p>
      <p>
        <a href={digitaliseringsstyrelsen} rel="noopener">
          {t('accessibility.complainLink')}
        </a>
      </p>

      <p className="muted">{t('accessibility.reviewed', { date: formatDay(statementReviewed, locale) })}</p>
    </article>
  );
}
