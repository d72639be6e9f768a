/** @module Pieces the conversation sections share: the section frame, the status line, refreshing, names of things. */
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkDocument } from '../../../domain/framework.ts';
import type { Locale } from '../../../domain/text.ts';
import type { ConversationDetail } from '../../../server/contracts/conversations.ts';
import { ApiError } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';

export interface Outcome {
  kind: 'success' | 'error';
  text: string;
}

/** A polite live region: what the last action did, in a green or red notice that also says it in words. */
export function StatusLine({ outcome }: { outcome: Outcome | null }) {
  return (
    <div role="status" className="status-line">
      {outcome ? (
        <p className={outcome.kind === 'success' ? 'notice notice--success' : 'notice notice--error'}>
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}

export function Section(props: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section
      aria-labelledby={props.id}
      className={props.className ? `conversation-section ${props.className}` : 'conversation-section'}
    >
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** The server's own (translated) words when it sent any; otherwise our general message. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string =>
    error instanceof ApiError && error.message ? error.message : t('errors.generic.text');
}

/** After a change: the new detail when the server sent it, otherwise read it again; lists that show it go stale. */
export function useConversationChanged(conversationId: string) {
  const queryClient = useQueryClient();
  return async (detail?: ConversationDetail): Promise<void> => {
    if (detail) queryClient.setQueryData(queryKeys.conversation(conversationId), detail);
    else
      await queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId), exact: true });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.conversations, exact: true, refetchType: 'none' }),
      queryClient.invalidateQueries({ queryKey: queryKeys.plans, refetchType: 'none' }),
      queryClient.invalidateQueries({ queryKey: queryKeys.tasks, refetchType: 'none' }),
    ]);
  };
}

export function competenceNames(
  framework: FrameworkDocument | undefined,
  locale: Locale,
): Map<string, string> {
  return new Map(
    (framework?.areas ?? []).flatMap((area) =>
      area.competences.map((competence) => [competence.id, competence.name[locale]] as const),
    ),
  );
}
