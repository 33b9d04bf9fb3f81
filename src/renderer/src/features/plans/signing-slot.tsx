import { SigningSummary } from '../signing/home-summary';
import { DashCard } from './dashboard-cards';
import { H } from './strings';

/**
 * The Signing area's cards on the home page: «documents waiting for signatures» (a manager's own) and
 * «money at risk in unsigned documents» (the heads'), with a link to «Подписи».
 */
export function SigningCardsSlot({ scope }: { scope: 'own' | 'department' }) {
  return (
    <DashCard title={scope === 'own' ? H.signingPending : H.signingRisk} link="/signatures" testId="signing-slot">
      <SigningSummary scope={scope} />
    </DashCard>
  );
}
