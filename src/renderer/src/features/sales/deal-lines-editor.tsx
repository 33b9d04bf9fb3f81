import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { S } from './strings';

/** A deal line as typed: text fields, converted on save. */
export interface LineDraft {
  name: string;
  unit: string;
  quantity: string;
  price: string;
  catalogItemId: number | null;
}

/** An empty line. */
export const EMPTY_LINE: LineDraft = { name: '', unit: 'шт', quantity: '1', price: '', catalogItemId: null };

/** The deal's lines: name, unit, quantity and price per row. */
export function DealLinesEditor({ lines, onChange }: { lines: LineDraft[]; onChange: (lines: LineDraft[]) => void }) {
  const set = (i: number, patch: Partial<LineDraft>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {S.lines}
      </Text>
      {lines.map((l, i) => (
        <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
          <TextInput aria-label={S.lineName} placeholder={S.lineName} value={l.name} onChange={(e) => set(i, { name: e.currentTarget.value })} style={{ flex: 1 }} />
          <TextInput aria-label={S.unit} placeholder={S.unit} value={l.unit} onChange={(e) => set(i, { unit: e.currentTarget.value })} w={60} />
          <TextInput aria-label={S.quantity} placeholder={S.quantity} value={l.quantity} onChange={(e) => set(i, { quantity: e.currentTarget.value })} w={80} />
          <TextInput aria-label={S.price} placeholder={S.price} value={l.price} onChange={(e) => set(i, { price: e.currentTarget.value })} w={120} />
          <ActionIcon variant="subtle" color="gray" aria-label="Удалить строку" onClick={() => onChange(lines.filter((_, j) => j !== i))}>
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...lines, EMPTY_LINE])}>
          {S.addLine}
        </Button>
        <Text size="xs" c="dimmed">
          {S.linesHint}
        </Text>
      </Group>
    </Stack>
  );
}
