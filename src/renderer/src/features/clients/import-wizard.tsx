import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ColumnMapping, RowDecision } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import type { ImportPreview, ImportReport } from '../../../../shared/api/client-types';
import { request, showError } from '../../api/call';
import { navigate } from '../../app/router';
import { ImportMapping } from './import-mapping';
import { ImportReview } from './import-review';
import { ImportUpload, type OwnerChoice } from './import-upload';
import { IS } from './strings';

function ownerInput(o: OwnerChoice): number | null | undefined {
  if (o === 'me') return undefined;
  if (o === 'standard') return null;
  return Number(o);
}

function ReportView({ report, onAgain }: { report: ImportReport; onAgain: () => void }) {
  const tiles: [string, number][] = [
    [IS.report.created, report.created],
    [IS.report.merged, report.merged],
    [IS.report.claimed, report.claimed],
    [IS.report.skipped, report.skipped],
  ];
  return (
    <Stack data-testid="import-report">
      <Title order={4}>{report.duplicateOf ? IS.report.duplicate : IS.report.title}</Title>
      <Text size="sm" c="dimmed">
        {report.fileName}
      </Text>
      <SimpleGrid cols={4}>
        {tiles.map(([label, n]) => (
          <Paper key={label} withBorder radius="md" p="md">
            <Text size="xl" fw={700}>
              {n}
            </Text>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {report.refused.length > 0 && (
        <Alert color="yellow" title={IS.report.refused}>
          <List size="sm">
            {report.refused.slice(0, 20).map((r) => (
              <List.Item key={r.row}>
                {IS.row} {r.row}: {r.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group>
        <Button onClick={() => navigate('/clients')}>{IS.report.toList}</Button>
        <Button variant="default" onClick={onAgain}>
          {IS.report.another}
        </Button>
      </Group>
    </Stack>
  );
}

/** Загрузка списка: file → columns → reconciliation by category → confirm → report. Nothing is written before the confirmation. */
export function ImportWizard({ user }: { user: SessionUser }) {
  const [step, setStep] = useState(0);
  const [owner, setOwner] = useState<OwnerChoice>('me');
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [decisions, setDecisions] = useState<Map<number, RowDecision>>(new Map());
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const restart = () => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setReport(null);
  };
  const load = async (name: string, data: string) => {
    const res = await request('clients.importPreview', { fileName: name, dataBase64: data, ownerId: ownerInput(owner) });
    if (res.error) return showError(res.error);
    setFile({ name, data });
    setPreview(res.data);
    setMapping(res.data.mapping);
    setStep(1);
  };
  const reconcile = async () => {
    if (!file) return;
    setBusy(true);
    const res = await request('clients.importPreview', { fileName: file.name, dataBase64: file.data, mapping, ownerId: ownerInput(owner) });
    setBusy(false);
    if (res.error) return showError(res.error);
    setPreview(res.data);
    setDecisions(new Map((res.data.rows ?? []).map((r) => [r.row, r.decisions[0]])));
    setStep(2);
  };
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    const chosen = [...decisions].filter(([, d]) => d !== 'skip').map(([row, decision]) => ({ row, decision }));
    const res = await request('clients.importCommit', { fileName: file.name, dataBase64: file.data, mapping, ownerId: ownerInput(owner), decisions: chosen });
    setBusy(false);
    if (res.error) return showError(res.error);
    setReport(res.data);
    setStep(3);
  };
  return (
    <Paper withBorder radius="md" p="lg">
      <Stepper active={step} size="sm" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label={IS.steps.file} description={file?.name} />
        <Stepper.Step label={IS.steps.mapping} />
        <Stepper.Step label={IS.steps.review} />
        <Stepper.Step label={IS.steps.report} />
      </Stepper>
      {step === 0 && <ImportUpload user={user} owner={owner} onOwner={setOwner} onFile={load} />}
      {step === 1 && preview && <ImportMapping preview={preview} mapping={mapping} onMapping={setMapping} onNext={() => void reconcile()} onBack={restart} busy={busy} />}
      {step === 2 && preview && (
        <ImportReview preview={preview} decisions={decisions} onDecisions={setDecisions} onCommit={() => void commit()} onBack={() => setStep(1)} busy={busy} />
      )}
      {step === 3 && report && <ReportView report={report} onAgain={restart} />}
    </Paper>
  );
}
