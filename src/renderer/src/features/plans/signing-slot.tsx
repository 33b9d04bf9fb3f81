import { Text } from '@mantine/core';
import { DashCard } from './dashboard-cards';
import { H } from './strings';

/**
 * The slot for the Signing area's cards on the home page: «documents waiting for signatures» (a
 * manager's own) and «money at risk in unsigned documents» (the heads'). It stays a placeholder until
 * the signing entries are in the contract; then it calls them (see the plans area's notes in the README).
 */
export function SigningCardsSlot({ scope }: { scope: 'own' | 'department' }) {
  return (
    <DashCard title={scope === 'own' ? H.signingPending : H.signingRisk} testId="signing-slot">
      <Text size="sm" c="dimmed">
        {H.signingSoon}
      </Text>
    </DashCard>
  );
}
