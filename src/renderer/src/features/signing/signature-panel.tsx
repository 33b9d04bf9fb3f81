import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateNumeric, formatMoney, SENDING_METHOD_LABELS, SIGNING_CHAIN, SIGNING_STATE_LABELS } from '../../../../core/index';
import { signingDocTitle, type DocumentSigning, type SigningEventDto, type SigningStateKey } from '../../../../shared/api/signing-types';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { ScansBlock } from './scans-block';
import { SignatureStateBadge } from './state-badge';
import { StepDialog, type StepValues } from './step-dialog';
import { G } from './strings';

function details(e: SigningEventDto): string {
  return [e.method ? SENDING_METHOD_LABELS[e.method] : '', e.trackingNumber, e.filedWhere ? `${G.filed}: ${e.filedWhere}` : '', e.reason, e.comment].filter(Boolean).join(' · ');
}

/** The chain as a compact row of steps (it fits the narrow column of the document page): each with its date, skipped ones marked. */
function SigningStepper({ s }: { s: DocumentSigning }) {
  const reached = new Map<string, string>([['issued', s.issuedOn]]);
  for (const e of s.history) reached.set(e.state, e.at);
  const chain = SIGNING_CHAIN.filter((c) => reached.has(c) || ((c !== 'signed_by_client' || s.rule.needsClientSignature) && (c !== 'original_received' || s.rule.needsOriginal)));
  const chainIndex = chain.indexOf(s.state);
  const last = chainIndex >= 0 ? chainIndex : Math.max(...chain.map((c, i) => (reached.has(c) ? i : 0)));
  return (
    <SimpleGrid cols={chain.length} spacing={4} data-testid="signing-stepper">
      {chain.map((state, i) => {
        const at = reached.get(state);
        const skipped = i <= last && at === undefined;
        const done = i <= last && !skipped;
        return (
          <Stack key={state} gap={2} align="center" ta="center">
            <ThemeIcon size={24} radius="xl" color={done ? 'indigo' : 'gray'} variant={done ? 'filled' : 'light'}>
              <Text size="xs" fw={700} c={done ? 'white' : 'dimmed'}>
                {done ? '✓' : skipped ? '–' : i + 1}
              </Text>
            </ThemeIcon>
            <Text size="xs" fw={i === last ? 700 : 500} lh={1.2}>
              {SIGNING_STATE_LABELS[state]}
            </Text>
            <Text size="xs" c="dimmed" lh={1.1}>
              {skipped ? 'пропущен' : at ? formatDateNumeric(at) : ''}
            </Text>
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}

/** The facts under the stepper: deadlines, money at risk, how it was sent, where the original is. */
function Facts({ s }: { s: DocumentSigning }) {
  const rows: [string, string][] = [];
  if (s.scanDue && s.waitingFor === 'signature') rows.push([G.scanDue, G.dueOn(s.scanDue)]);
  if (s.originalDue && (s.waitingFor === 'signature' || s.waitingFor === 'original')) rows.push([G.originalDue, G.dueOn(s.originalDue)]);
  if (s.waitingFor) rows.push([G.risk, formatMoney(s.riskKopecks)]);
  if (s.sentOn) rows.push([G.sent, [formatDateNumeric(s.sentOn), s.sentMethod ? SENDING_METHOD_LABELS[s.sentMethod] : '', s.trackingNumber].filter(Boolean).join(' · ')]);
  if (s.filedWhere) rows.push([G.filed, s.filedWhere]);
  return (
    <Group gap="lg">
      {rows.map(([label, value]) => (
        <Stack key={label} gap={0}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm">{value}</Text>
        </Stack>
      ))}
    </Group>
  );
}

/** The signature panel of one document: the state stepper, the next steps, the history with who and when, and the scans. */
export function SignaturePanel({ documentId, withTitle = false }: { documentId: number; withTitle?: boolean }) {
  const { data: s, loading } = useEntry('signing.document', { documentId });
  const [moving, setMoving] = useState<SigningStateKey | null>(null);
  if (loading && !s) return null;
  if (!s) {
    return (
      <Card withBorder>
        <Text size="sm" c="dimmed">
          {G.notIssued}
        </Text>
      </Card>
    );
  }
  const move = async (to: SigningStateKey, v: StepValues): Promise<boolean> => {
    if (to === 'issued' || to === 'annulled') return false;
    const res = await request('signing.transition', { documentId, to, ...v });
    if (res.error) {
      showError(res.error);
      return false;
    }
    showSuccess(SIGNING_STATE_LABELS[to]);
    return true;
  };
  const tracked = s.rule.needsClientSignature || s.rule.needsOriginal;
  return (
    <Card withBorder data-testid="signature-panel">
      <Stack gap="sm">
        {withTitle && (
          <Stack gap={0}>
            <Title order={3}>{signingDocTitle(s)}</Title>
            <Text c="dimmed">
              {s.clientName} · {formatMoney(s.amountKopecks)} ₽ · {s.managerName}
            </Text>
          </Stack>
        )}
        <Group justify="space-between">
          <Title order={4}>{G.panelTitle}</Title>
          <Group gap="xs">
            {s.waitingFor && <Badge variant="outline">{G.waiting[s.waitingFor]}</Badge>}
            <SignatureStateBadge state={s.state} waitingFor={s.waitingFor} daysOverdue={s.daysOverdue} />
          </Group>
        </Group>
        {s.kind === 'invoice_factura' ? (
          <Alert color="orange" title={G.factura} data-testid="factura-warning">
            {s.rule.note}
          </Alert>
        ) : s.rule.note ? (
          <Text size="sm" c="dimmed">
            {s.rule.note}
          </Text>
        ) : null}
        {!tracked && s.kind !== 'invoice_factura' && (
          <Text size="sm" c="dimmed">
            {G.noNeed}
          </Text>
        )}
        <SigningStepper s={s} />
        {(s.state === 'refused' || s.state === 'annulled') && (
          <Alert color="red" title={SIGNING_STATE_LABELS[s.state]}>
            {s.history.filter((e) => e.state === s.state).map((e) => `${formatDateNumeric(e.at)}: ${e.reason}`).join('; ')}
          </Alert>
        )}
        <Facts s={s} />
        {s.next.length > 0 && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {G.move}:
            </Text>
            {s.next.map((to) => (
              <Button key={to} size="xs" variant={to === 'refused' ? 'subtle' : 'light'} color={to === 'refused' ? 'red' : undefined} onClick={() => setMoving(to)} data-testid={`move-${to}`}>
                {SIGNING_STATE_LABELS[to]}
              </Button>
            ))}
          </Group>
        )}
        <Text fw={600}>{G.history}</Text>
        {s.history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {G.noHistory}
          </Text>
        ) : (
          <Timeline active={s.history.length} bulletSize={14} lineWidth={2} data-testid="signing-history">
            <Timeline.Item title={`${SIGNING_STATE_LABELS.issued} — ${formatDateNumeric(s.issuedOn)}`} />
            {s.history.map((e) => (
              <Timeline.Item key={e.id} title={`${SIGNING_STATE_LABELS[e.state]} — ${formatDateNumeric(e.at)}`} color={e.state === 'refused' || e.state === 'annulled' ? 'red' : undefined}>
                {details(e) && <Text size="sm">{details(e)}</Text>}
                <Text size="xs" c="dimmed">
                  {G.who(e.userName, e.recordedAt)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        <ScansBlock documentId={documentId} scans={s.scans} canAttach={s.canWrite && s.state !== 'annulled'} />
      </Stack>
      {moving && <StepDialog to={moving} onSubmit={(v) => move(moving, v)} onClose={() => setMoving(null)} />}
    </Card>
  );
}
