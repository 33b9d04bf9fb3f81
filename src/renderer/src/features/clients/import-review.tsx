import { Alert, Badge, Box, Button, Group, Modal, NativeSelect, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ROW_CATEGORIES, ROW_CATEGORY_TITLES, ROW_DECISION_TITLES, type RowCategory, type RowDecision } from '../../../../core/index';
import type { ImportPreview, ImportRowView } from '../../../../shared/api/client-types';
import { IS } from './strings';
import { VirtualRows } from './virtual-rows';
import { when } from './when';
import { LongWriteCount } from '../../app/long-write-count';

const COLORS: Record<RowCategory, string> = { new: 'teal', ours: 'blue', other: 'orange', conflict: 'yellow', invalid: 'red' };
const GRID = '70px minmax(180px, 1.6fr) 120px 150px minmax(220px, 2fr) 210px';

function ReviewRow({ r, decision, onDecision }: { r: ImportRowView; decision: RowDecision; onDecision: (d: RowDecision) => void }) {
  return (
    <Box
      data-testid="import-row"
      style={{ display: 'grid', gridTemplateColumns: GRID, gap: 10, alignItems: 'center', height: '100%', padding: '0 10px', borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      fz="sm"
    >
      <Text size="sm" c="dimmed">
        {r.row}
      </Text>
      <Text size="sm" fw={500} truncate>
        {r.name || '—'}
      </Text>
      <Text size="sm">{r.inn}</Text>
      <Text size="sm" truncate>
        {r.phone || r.email}
      </Text>
      <Text size="xs" c={r.category === 'invalid' ? 'red' : 'dimmed'} lineClamp={2} title={[r.reason, ...r.warnings].join('; ')}>
        {[r.reason, ...r.warnings].join('; ')}
      </Text>
      <NativeSelect
        size="xs"
        value={decision}
        disabled={r.decisions.length < 2}
        onChange={(e) => onDecision(r.decisions.find((d) => d === e.currentTarget.value) ?? 'skip')}
        data={r.decisions.map((d) => ({ value: d, label: ROW_DECISION_TITLES[d] }))}
        aria-label={IS.decision}
      />
    </Box>
  );
}

/** Step 3: every row in its category with the reason; the user decides per row or per group, then confirms. */
export function ImportReview({
  preview,
  decisions,
  onDecisions,
  onCommit,
  onBack,
  busy,
}: {
  preview: ImportPreview;
  decisions: Map<number, RowDecision>;
  onDecisions: (d: Map<number, RowDecision>) => void;
  onCommit: () => void;
  onBack: () => void;
  busy: boolean;
}) {
  const rows = useMemo(() => preview.rows ?? [], [preview]);
  const firstNonEmpty = ROW_CATEGORIES.find((c) => preview.counts[c] > 0) ?? 'new';
  const [category, setCategory] = useState<RowCategory>(firstNonEmpty);
  const [confirm, setConfirm] = useState(false);
  const shown = useMemo(() => rows.filter((r) => r.category === category), [rows, category]);
  const chosen = [...decisions.values()].filter((d) => d !== 'skip').length;
  const setAll = (d: RowDecision) => {
    const next = new Map(decisions);
    for (const r of shown) if (r.decisions.includes(d)) next.set(r.row, d);
    onDecisions(next);
  };
  const groupChoices = [...new Set(shown.flatMap((r) => r.decisions))];
  return (
    <Stack>
      {preview.alreadyImported && (
        <Alert color="yellow" data-testid="already-imported">
          {IS.alreadyImported(preview.alreadyImported.fileName, when(preview.alreadyImported.at))}
        </Alert>
      )}
      <SegmentedControl
        value={category}
        onChange={(v) => setCategory(ROW_CATEGORIES.find((c) => c === v) ?? 'new')}
        data={ROW_CATEGORIES.map((c) => ({
          value: c,
          label: (
            <Group gap={6} wrap="nowrap" justify="center" data-testid={`category-${c}`}>
              <span>{ROW_CATEGORY_TITLES[c]}</span>
              <Badge size="sm" color={COLORS[c]} variant="filled">
                {preview.counts[c]}
              </Badge>
            </Group>
          ),
        }))}
        fullWidth
      />
      <Paper withBorder radius="md" p={0}>
        <Group justify="space-between" px="sm" py={6} bg="gray.1">
          <Text size="sm" fw={600}>
            {ROW_CATEGORY_TITLES[category]}: {shown.length}
          </Text>
          {groupChoices.length > 1 && (
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {IS.forAll}:
              </Text>
              {groupChoices.map((d) => (
                <Button key={d} size="compact-xs" variant="light" onClick={() => setAll(d)}>
                  {ROW_DECISION_TITLES[d]}
                </Button>
              ))}
            </Group>
          )}
        </Group>
        <VirtualRows
          count={shown.length}
          rowHeight={46}
          height="calc(100vh - 420px)"
          testId="import-rows"
          renderRow={(i) => {
            const r = shown[i];
            return <ReviewRow r={r} decision={decisions.get(r.row) ?? 'skip'} onDecision={(d) => onDecisions(new Map(decisions).set(r.row, d))} />;
          }}
        />
      </Paper>
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {IS.steps.mapping}
        </Button>
        <Group gap="sm">
          {busy && (
            <Text size="sm" c="dimmed" data-testid="import-committing">
              {IS.committing(chosen)}
            </Text>
          )}
          <LongWriteCount entry="clients.importCommit" active={busy} />
          <Button onClick={() => setConfirm(true)} loading={busy} disabled={chosen === 0} data-testid="import-commit">
            {IS.commit(chosen)}
          </Button>
        </Group>
      </Group>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={IS.confirmTitle}>
        <Stack>
          <Text size="sm">{IS.confirmText(chosen)}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>
              Отмена
            </Button>
            <Button
              loading={busy}
              onClick={() => {
                setConfirm(false);
                onCommit();
              }}
              data-testid="import-confirm"
            >
              Загрузить
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
