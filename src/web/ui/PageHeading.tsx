/** @module The page's one h1; it also names the browser tab, and takes focus after navigation (see AppShell). */
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation();
  const title = t('app.documentTitle', { page: pageTitle });
  useEffect(() => {
    document.title = title;
  }, [title]);
}

interface PageHeadingProps {
  /** The tab's title; defaults to the heading's text. */
  title?: string;
  children: string | ReactNode;
}

export function PageHeading({ title, children }: PageHeadingProps) {
  useDocumentTitle(title ?? (typeof children === 'string' ? children : ''));
  return (
    <h1 className="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}
