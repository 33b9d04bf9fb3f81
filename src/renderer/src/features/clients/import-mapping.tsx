import { Alert, Box, Button, Group, NativeSelect, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IMPORT_FIELD_TITLES, IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../../../core/index';
import type { ImportPreview } from '../../../../shared/api/client-types';
import { IS } from './strings';

const CHOICES = [{ value: '', label: IS.notMapped }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: IMPORT_FIELD_TITLES[f] }))];

function fieldOf(mapping: ColumnMapping, col: number): ImportField | '' {
  return IMPORT_FIELDS.find((f) => mapping[f] === col) ?? '';
}

/** Step 2: which column holds what, over the file's first rows; the suggestion comes from the headers. */
export function ImportMapping({
  preview,
  mapping,
  onMapping,
  onNext,
  onBack,
  busy,
}: {
  preview: ImportPreview;
  mapping: ColumnMapping;
  onMapping: (m: ColumnMapping) => void;
  onNext: () => void;
  onBack: () => void;
  busy: boolean;
}) {
  const set = (col: number, value: string) => {
    const next: ColumnMapping = {};
    for (const f of IMPORT_FIELDS) if (mapping[f] !== undefined && mapping[f] !== col) next[f] = mapping[f];
    const field = IMPORT_FIELDS.find((f) => f === value);
    if (field) next[field] = col;
    onMapping(next);
  };
  const width = Math.max(preview.headers.length, ...preview.sample.map((r) => r.length));
  const cols = Array.from({ length: width }, (_, i) => i);
  return (
    <Stack>
      <Text size="sm" c="dimmed" data-testid="import-detected">
        {IS.detected(preview.format, preview.encoding, preview.delimiter, preview.totalRows)}
      </Text>
      {mapping.name === undefined && <Alert color="yellow">{IS.needName}</Alert>}
      <ScrollArea>
        <Table withTableBorder withColumnBorders fz="sm" miw={width * 170}>
          <Table.Thead>
            <Table.Tr>
              {cols.map((c) => (
                <Table.Th key={c} miw={160}>
                  <NativeSelect size="xs" data={CHOICES} value={fieldOf(mapping, c)} onChange={(e) => set(c, e.currentTarget.value)} aria-label={IS.column(c + 1)} data-testid={`map-${c}`} />
                  <Box mt={4}>{preview.headers[c] || IS.column(c + 1)}</Box>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.sample.map((r, i) => (
              <Table.Tr key={i}>
                {cols.map((c) => (
                  <Table.Td key={c} c={fieldOf(mapping, c) ? undefined : 'dimmed'}>
                    {r[c] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {IS.again}
        </Button>
        <Button onClick={onNext} disabled={mapping.name === undefined} loading={busy}>
          {IS.reconcile}
        </Button>
      </Group>
    </Stack>
  );
}
