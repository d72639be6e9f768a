/**
 * @module "Lær af en kollega" beside a development plan: the pairings the person learns or helps in. They are kept
 * apart from the plan's goals and actions, so a signed plan never changes (decision 014); a pairing names the open
 * goal it belongs to instead.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePairings } from '../../api/queries.ts';
import { Loading } from '../../ui/Loading.tsx';
import { QueryErrorNotice } from '../../ui/QueryErrorNotice.tsx';
import { type Outcome, StatusLine } from '../conversations/shared.tsx';
import { PairingCard } from './PairingCard.tsx';

export function PlanPairingsSection({ userId, own, name }: { userId: string; own: boolean; name: string }) {
  const { t } = useTranslation();
  const pairings = usePairings(userId);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <section aria-labelledby="plan-pairings" className="plan-pairings">
      <h2 id="plan-pairings">{t('pairings.plan.title')}</h2>
      <p>{own ? t('pairings.plan.introOwn') : t('pairings.plan.introLeader', { name })}</p>
      <StatusLine outcome={outcome} />
      {pairings.isPending ? (
        <Loading />
      ) : pairings.isError ? (
        <QueryErrorNotice error={pairings.error} onRetry={() => void pairings.refetch()} />
      ) : pairings.data.pairings.length === 0 ? (
        <p className="muted">{t('pairings.plan.empty')}</p>
      ) : (
        <ul className="pairing-list">
          {pairings.data.pairings.map((pairing) => (
            <li key={pairing.id}>
              <PairingCard pairing={pairing} headingLevel={3} onOutcome={setOutcome} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
