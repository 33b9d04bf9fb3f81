import '@mantine/dropzone/styles.css';
import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useMemo, useState } from 'react';
import { formatDateNumeric, formatMoneyRub } from '../../../../core/index';
import type { ImportOverride } from '../../../../shared/api/money';
import type { ImportCountKey, ImportPreviewDto, ImportResultDto, ImportRowDto } from '../../../../shared/api/money-types';
import { request, showError } from '../../api/call';
import { MatchDialog } from './match-dialog';
import { fileToBase64, monthTitle } from './months';
import { ImportPreviewTable } from './import-preview-table';
import { I } from './strings';
import { LongWriteCount } from '../../app/long-write-count';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}

const COUNT_COLORS: Record<ImportCountKey, string> = {
  documents: 'gray',
  new: 'blue',
  duplicates: 'gray',
  incoming: 'teal',
  matched: 'teal',
  partial: 'yellow',
  overpaid: 'grape',
  unmatched: 'orange',
  outgoing: 'red',
  fees: 'red',
};

function Counts({ p }: { p: ImportPreviewDto }) {
  return (
    <Group gap={6} data-testid="import-counts">
      {p.counts.phrases.map((phrase) => (
        <Badge key={phrase.key} color={COUNT_COLORS[phrase.key]} variant="light" size="lg" style={{ textTransform: 'none' }}>
          {phrase.text}
        </Badge>
      ))}
    </Group>
  );
}

/** Загрузить выписку: the file, the preview with per-line choices (nothing written), then one commit and its report. */
export function ImportWizard({ onDone }: { onDone: (to: 'list' | 'queue') => void }) {
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreviewDto | null>(null);
  const [overrides, setOverrides] = useState<Map<string, ImportOverride>>(new Map());
  const [result, setResult] = useState<ImportResultDto | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [choosing, setChoosing] = useState<ImportRowDto | null>(null);
  // One object per chosen row: the dialog reloads its invoices when the subject changes.
  const subject = useMemo(
    () =>
      choosing
        ? {
            amountKopecks: choosing.amountKopecks,
            payerInn: choosing.counterpartyInn,
            payerName: choosing.counterpartyName,
            purpose: choosing.purpose,
            clientId: choosing.clientId,
            current: choosing.allocations.map((a) => ({ documentId: a.documentId, amountKopecks: a.amountKopecks })),
          }
        : null,
    [choosing],
  );

  const run = async (f: { fileName: string; base64: string }, next: Map<string, ImportOverride>) => {
    setBusy(true);
    const res = await request('payments.importPreview', { ...f, overrides: [...next.values()] });
    setBusy(false);
    if (res.error) {
      setPreview(null);
      return setRefusal(res.error.message);
    }
    setRefusal(null);
    setPreview(res.data);
  };
  const drop = async (files: File[]) => {
    const f = files[0];
    if (!f) return;
    const picked = { fileName: f.name, base64: await fileToBase64(f) };
    setFile(picked);
    setResult(null);
    const fresh = new Map<string, ImportOverride>();
    setOverrides(fresh);
    await run(picked, fresh);
  };
  const override = (o: ImportOverride) => {
    if (!file) return;
    const next = new Map(overrides);
    next.set(o.key, o);
    setOverrides(next);
    void run(file, next);
  };
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    const res = await request('payments.importCommit', { ...file, overrides: [...overrides.values()] });
    setBusy(false);
    if (res.error) return showError(res.error);
    setResult(res.data);
  };
  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setRefusal(null);
  };

  if (result) {
    return (
      <Stack data-testid="import-result">
        <Alert color={result.counts.new > 0 && !result.alreadyImported ? 'teal' : 'gray'} title={I.done}>
          {result.message}
        </Alert>
        <Group>
          <Button onClick={() => onDone('list')}>{I.toList}</Button>
          {result.counts.unmatched > 0 && (
            <Button variant="light" onClick={() => onDone('queue')}>
              {I.toQueue}
            </Button>
          )}
          <Button variant="subtle" onClick={reset}>
            {I.another}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack>
      {!preview && (
        <>
          <Text size="sm" c="dimmed">
            {I.intro}
          </Text>
          <Dropzone onDrop={(f) => void drop(f)} multiple={false} loading={busy} maxSize={60 * 1024 * 1024} data-testid="statement-dropzone">
            <Group justify="center" mih={140} style={{ pointerEvents: 'none' }}>
              {busy ? <Loader size="sm" /> : null}
              <Stack gap={4} align="center">
                <Text fw={600}>{busy ? I.reading : I.drop}</Text>
                <Text size="sm" c="dimmed" ta="center" maw={520}>
                  {I.dropHint}
                </Text>
              </Stack>
            </Group>
          </Dropzone>
        </>
      )}
      {refusal && (
        <Alert color="red" title="Выписка не принята" data-testid="import-refusal">
          {refusal}
        </Alert>
      )}
      {preview && (
        <>
          <Card withBorder radius="md">
            <SimpleGrid cols={{ base: 2, md: 5 }}>
              <Fact label={I.org} value={preview.org.shortName} />
              <Fact label={I.account} value={preview.accounts.join(', ')} />
              <Fact label={I.period} value={`${preview.dateFrom ? formatDateNumeric(preview.dateFrom) : '…'} — ${preview.dateTo ? formatDateNumeric(preview.dateTo) : '…'}`} />
              <Fact
                label={I.balance}
                value={`${preview.openingBalanceKopecks === null ? '—' : formatMoneyRub(preview.openingBalanceKopecks)} → ${preview.closingBalanceKopecks === null ? '—' : formatMoneyRub(preview.closingBalanceKopecks)}`}
              />
              <Fact label={I.version} value={`1CClientBankExchange ${preview.version}, ${preview.encoding}`} />
            </SimpleGrid>
          </Card>
          <Counts p={preview} />
          {preview.alreadyImported && (
            <Alert color="gray">{I.already(formatDateNumeric(preview.alreadyImported.importedAt.slice(0, 10)), preview.alreadyImported.importedByName ?? '')}</Alert>
          )}
          {preview.closedMonths.length > 0 && <Alert color="red">{I.closedMonths(preview.closedMonths.map(monthTitle).join(', '))}</Alert>}
          <ImportPreviewTable rows={preview.rows} overrides={overrides} onOverride={override} onChoose={setChoosing} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={reset}>
              {I.another}
            </Button>
            <Group gap="sm">
              {busy && (
                <Text size="sm" c="dimmed" data-testid="import-committing">
                  {I.committing(preview.counts.new)}
                </Text>
              )}
              <LongWriteCount entry="payments.importCommit" active={busy} />
              <Button onClick={() => void commit()} loading={busy} disabled={preview.counts.new === 0 || preview.closedMonths.length > 0} data-testid="import-commit">
                {preview.counts.new === 0 ? I.nothing : I.commit(preview.counts.new)}
              </Button>
            </Group>
          </Group>
        </>
      )}
      <MatchDialog
        subject={subject}
        onClose={() => setChoosing(null)}
        onApply={async (allocations) => {
          if (choosing) override({ ...overrides.get(choosing.key), key: choosing.key, allocations });
          setChoosing(null);
        }}
      />
    </Stack>
  );
}
