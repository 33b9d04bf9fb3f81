import { Button, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { SOURCE_KINDS, type ClientSource } from '../../../../shared/api/client-types';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { DIR } from './strings';

const KIND_CHOICES = SOURCE_KINDS.map((k) => ({ value: k, label: DIR.sourceKinds[k] }));
const kindOf = (v: string | null) => SOURCE_KINDS.find((k) => k === v) ?? 'other';

/** Справочники → Источники клиентов: where the base comes from; the heads and the office manager edit it. */
export function SourcesTab({ canEdit }: { canEdit: boolean }) {
  const { data } = useEntry('clients.sources', {});
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('directory');
  const [error, setError] = useState<string | undefined>();
  const save = async (id: number | null, s: Pick<ClientSource, 'name' | 'kind' | 'active'>) => {
    const res = await request('clients.saveSource', { id, ...s });
    if (res.error) {
      setError(res.error.details?.fields?.[0]?.message ?? res.error.message);
      showError(res.error);
      return false;
    }
    setError(undefined);
    showSuccess(DIR.saved);
    return true;
  };
  return (
    <Stack maw={820}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{DIR.sourceName}</Table.Th>
            <Table.Th>{DIR.sourceKind}</Table.Th>
            <Table.Th>{DIR.clients}</Table.Th>
            <Table.Th>{DIR.active}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>
                <Select size="xs" w={220} data={KIND_CHOICES} value={s.kind} disabled={!canEdit} allowDeselect={false} onChange={(v) => void save(s.id, { ...s, kind: kindOf(v) })} />
              </Table.Td>
              <Table.Td>{s.clientCount}</Table.Td>
              <Table.Td>
                <Switch checked={s.active} disabled={!canEdit} onChange={(e) => void save(s.id, { ...s, active: e.currentTarget.checked })} aria-label={DIR.active} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canEdit ? (
        <Group align="flex-start">
          <TextInput placeholder={DIR.sourceName} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} w={300} />
          <Select data={KIND_CHOICES} value={kind} onChange={setKind} allowDeselect={false} w={220} />
          <Button
            variant="light"
            onClick={() =>
              void save(null, { name, kind: kindOf(kind), active: true }).then((ok) => {
                if (ok) setName('');
              })
            }
          >
            {DIR.addSource}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {DIR.canEditHint}
        </Text>
      )}
    </Stack>
  );
}
