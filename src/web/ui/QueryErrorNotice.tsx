/** @module A friendly message when a read fails: what happened in plain words, the server's own words, and a way on. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';

type ErrorKind = 'notFound' | 'forbidden' | 'network' | 'generic';

function kindOf(error: unknown): ErrorKind {
  if (!(error instanceof ApiError)) return 'generic';
  if (error.status === 404) return 'notFound';
  if (error.status === 403) return 'forbidden';
  if (error.code === 'network_error') return 'network';
  return 'generic';
}

interface QueryErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
}

export function QueryErrorNotice({ error, onRetry }: QueryErrorNoticeProps) {
  const { t } = useTranslation();
  const kind = kindOf(error);
  const serverMessage = error instanceof ApiError ? error.message : '';
  const canRetry = onRetry && (kind === 'network' || kind === 'generic');
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice-title">{t(`errors.${kind}.title`)}</h2>
      <p>{t(`errors.${kind}.text`)}</p>
      {serverMessage ? (
        <p className="notice-detail">{t('errors.serverSaid', { message: serverMessage })}</p>
      ) : null}
      <div className="button-row">
        {canRetry ? (
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        ) : null}
        <Link className="button button--secondary" to="/">
          {t('errors.toHome')}
        </Link>
      </div>
    </div>
  );
}
