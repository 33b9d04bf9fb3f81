import { Group, Stack, Text } from '@mantine/core';
import { formatMoney } from '../../../../core/index';
import { useEntry } from '../../api/call';
import { G } from './strings';

function Figure({ label, value, red }: { label: string; value: string; red?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={red ? 'red.7' : undefined}>
        {value}
      </Text>
    </Stack>
  );
}

/** The home page's signing figures: a manager's own waiting and overdue documents, or the department's money at risk. */
export function SigningSummary({ scope }: { scope: 'own' | 'department' }) {
  const { data } = useEntry('signing.badge', {});
  if (!data) return null;
  if (data.waiting === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="signing-summary">
        {G.empty}
      </Text>
    );
  }
  return (
    <Group gap="xl" data-testid="signing-summary">
      {scope === 'own' ? (
        <>
          <Figure label={G.homeWaiting} value={String(data.waiting)} />
          <Figure label={G.homeOverdue} value={String(data.overdue)} red={data.overdue > 0} />
        </>
      ) : (
        <>
          <Figure label={G.homeRisk} value={`${formatMoney(data.riskKopecks)} ₽`} />
          <Figure label={G.homeOverdueRisk} value={`${formatMoney(data.overdueRiskKopecks)} ₽`} red={data.overdueRiskKopecks > 0} />
        </>
      )}
    </Group>
  );
}
