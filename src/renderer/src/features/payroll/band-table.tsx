import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import type { BandRow } from './order-form';
import { Z } from './strings';

/** An editable table of bands: «from % of plan» → value; rows can be added and removed. */
export function BandTable({
  title,
  valueLabel,
  rows,
  onChange,
  readOnly,
  testId,
}: {
  title: string;
  valueLabel: string;
  rows: BandRow[];
  onChange: (rows: BandRow[]) => void;
  readOnly: boolean;
  testId: string;
}) {
  const set = (i: number, patch: Partial<BandRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap={4} data-testid={testId}>
      <Text fw={500} size="sm">
        {title}
      </Text>
      <Table withTableBorder withColumnBorders maw={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{Z.fromPercent}</Table.Th>
            <Table.Th>{valueLabel}</Table.Th>
            {!readOnly && <Table.Th w={40} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput size="xs" value={r.from} readOnly={readOnly} aria-label={`${title}: ${Z.fromPercent} ${i + 1}`} onChange={(e) => set(i, { from: e.currentTarget.value })} />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" value={r.value} readOnly={readOnly} aria-label={`${title}: ${valueLabel} ${i + 1}`} onChange={(e) => set(i, { value: e.currentTarget.value })} />
              </Table.Td>
              {!readOnly && (
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={Z.removeBand} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                    ×
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!readOnly && (
        <Group>
          <Button size="xs" variant="subtle" onClick={() => onChange([...rows, { from: '', value: '' }])}>
            {Z.addBand}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
