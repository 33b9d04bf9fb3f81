import { Alert, Button, Card, Checkbox, Group, NumberInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { SIGNING_ADMINS, SIGNING_KIND_LABELS, SIGNING_KIND_ORDER, type SigningRuleDto } from '../../../../shared/api/signing-types';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { HolidaysEditor } from './holidays-editor';
import { G } from './strings';

const order = (kind: string) => (SIGNING_KIND_ORDER.includes(kind) ? SIGNING_KIND_ORDER.indexOf(kind) : SIGNING_KIND_ORDER.length);

type Flag = 'needsClientSignature' | 'needsOriginal' | 'confirmsFulfilment' | 'riskFromActs';
const FLAGS: [Flag, string][] = [
  ['needsClientSignature', G.needsSignature],
  ['needsOriginal', G.needsOriginal],
  ['confirmsFulfilment', G.confirmsFulfilment],
  ['riskFromActs', G.riskFromActs],
];

/** The rules per document kind: what it waits for and how long the client has. */
function RulesTable({ canEdit }: { canEdit: boolean }) {
  const { data } = useEntry('signing.rules', {});
  const [rules, setRules] = useState<SigningRuleDto[]>([]);
  // The version the table was filled from: a save based on it is refused if someone saved the rules since.
  const [version, setVersion] = useState(0);
  const [typed, setTyped] = useState(false);
  useEffect(() => {
    // Another person's save refills the table only while nothing is typed here: typing is never lost.
    if (typed) return;
    setRules([...(data?.rules ?? [])].sort((a, b) => order(a.kind) - order(b.kind)));
    setVersion(data?.version ?? 0);
  }, [data]);
  const patch = (kind: string, p: Partial<SigningRuleDto>) => {
    setTyped(true);
    setRules((old) => old.map((r) => (r.kind === kind ? { ...r, ...p } : r)));
  };
  const save = async () => {
    const res = await request('signing.updateRules', { version, rules });
    if (res.error) return showError(res.error);
    setRules([...res.data.rules].sort((a, b) => order(a.kind) - order(b.kind)));
    setVersion(res.data.version);
    setTyped(false);
    showSuccess(G.saved);
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {G.rulesHint}
        </Text>
        <Table data-testid="signing-rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{G.kind}</Table.Th>
              {FLAGS.map(([, label]) => (
                <Table.Th key={label} ta="center">
                  {label}
                </Table.Th>
              ))}
              <Table.Th>{G.scanDays}</Table.Th>
              <Table.Th>{G.originalDays}</Table.Th>
              <Table.Th>{G.note}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.map((r) => (
              <Table.Tr key={r.kind}>
                <Table.Td>{SIGNING_KIND_LABELS[r.kind] ?? r.kind}</Table.Td>
                {FLAGS.map(([flag, label]) => (
                  <Table.Td key={flag}>
                    <Group justify="center">
                      <Checkbox checked={r[flag]} disabled={!canEdit} onChange={(e) => patch(r.kind, { [flag]: e.currentTarget.checked })} aria-label={`${label}: ${SIGNING_KIND_LABELS[r.kind] ?? r.kind}`} />
                    </Group>
                  </Table.Td>
                ))}
                <Table.Td>
                  <NumberInput w={80} min={1} max={120} value={r.scanWorkingDays} disabled={!canEdit} onChange={(v) => patch(r.kind, { scanWorkingDays: typeof v === 'number' ? v : r.scanWorkingDays })} />
                </Table.Td>
                <Table.Td>
                  <NumberInput w={80} min={0} max={365} value={r.originalDays} disabled={!canEdit} onChange={(v) => patch(r.kind, { originalDays: typeof v === 'number' ? v : r.originalDays })} />
                </Table.Td>
                <Table.Td>
                  <Textarea value={r.note} disabled={!canEdit} onChange={(e) => patch(r.kind, { note: e.currentTarget.value })} miw={300} autosize minRows={1} maxRows={5} size="xs" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canEdit && (
          <Group justify="flex-end">
            <Button onClick={() => void save()} data-testid="save-rules">
              {G.save}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Справочники → «Сроки подписания и календарь»: the rules per kind and the production calendar. */
export function SigningRulesPage({ user }: { user: SessionUser }) {
  const canEdit = SIGNING_ADMINS.includes(user.role);
  return (
    <Stack>
      <Title order={3}>{G.rulesTitle}</Title>
      {!canEdit && <Alert color="gray">{G.readOnly}</Alert>}
      <RulesTable canEdit={canEdit} />
      <HolidaysEditor canEdit={canEdit} />
    </Stack>
  );
}
