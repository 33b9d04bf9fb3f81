import { Button, Card, Checkbox, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { VipTierDto } from '../../../../shared/api/vip-types';
import { call, request, showError, showSuccess } from '../../api/call';
import { ClientPicker } from '../sales/client-picker';
import { P, Q } from './strings';

/** One tier's row: its name, how often, whether it is the default for working clients. */
function TierRow({ tier }: { tier: VipTierDto }) {
  const [name, setName] = useState(tier.name);
  const [interval, setIntervalMonths] = useState<number>(tier.intervalMonths);
  const [isDefault, setIsDefault] = useState(tier.isDefault);
  const dirty = name !== tier.name || interval !== tier.intervalMonths || isDefault !== tier.isDefault;
  const save = async () => {
    if (await call('vip.saveTier', { id: tier.id, name, intervalMonths: interval, isDefault })) {
      showSuccess(P.saved);
    }
  };
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput size="xs" value={name} onChange={(e) => setName(e.currentTarget.value)} aria-label={Q.tier} />
      </Table.Td>
      <Table.Td>
        <NumberInput size="xs" w={80} min={1} max={24} value={interval} onChange={(v) => setIntervalMonths(typeof v === 'number' ? v : interval)} aria-label={Q.interval} />
      </Table.Td>
      <Table.Td>
        <Checkbox checked={isDefault} onChange={(e) => setIsDefault(e.currentTarget.checked)} aria-label={Q.isDefault} />
      </Table.Td>
      <Table.Td ta="right">{tier.clientCount}</Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" disabled={!dirty} onClick={() => void save()}>
          {P.save}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** The programme's tiers (editable by the heads) and putting a client in a tier. */
export function VipTiers({ tiers }: { tiers: VipTierDto[] }) {
  const [clientId, setClientId] = useState<number | null>(null);
  const [tierId, setTierId] = useState<string | null>(null);
  const assign = async () => {
    if (clientId === null) return;
    const res = await request('vip.setClientTier', { clientId, tierId: tierId && tierId !== 'default' ? Number(tierId) : null });
    if (res.error) return showError(res.error);
    showSuccess(P.saved);
  };
  return (
    <Card withBorder radius="md">
      <Stack>
        <Text fw={600}>{Q.tiers}</Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{Q.tier}</Table.Th>
              <Table.Th>{Q.interval}</Table.Th>
              <Table.Th>{Q.isDefault}</Table.Th>
              <Table.Th ta="right">{Q.clients}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tiers.map((t) => (
              <TierRow key={`${t.id}-${t.name}-${t.intervalMonths}-${String(t.isDefault)}`} tier={t} />
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end">
          <div style={{ width: 320 }}>
            <ClientPicker value={clientId} onChange={(c) => setClientId(c?.id ?? null)} />
          </div>
          <Select
            label={Q.setTier}
            data={[{ value: 'default', label: Q.defaultTier }, ...tiers.map((t) => ({ value: String(t.id), label: t.name }))]}
            value={tierId}
            onChange={setTierId}
            w={260}
          />
          <Button variant="light" disabled={clientId === null || tierId === null} onClick={() => void assign()}>
            {P.save}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
