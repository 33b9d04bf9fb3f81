import { Alert, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import type { BackupOverview } from '../../../../shared/api/backup';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { BackupJobProgress } from './job-progress';
import { RestoreDialog } from './restore-dialog';
import { BACKUP_TEXT, formatBytes, formatDateTime, KIND_LABELS, LOCATION_LABELS } from './strings';

/** «Создать копию сейчас» with a progress bar fed by `backup.progress` while the copy is made. */
function MakeNow() {
  const [making, setMaking] = useState(false);
  const make = async () => {
    setMaking(true);
    const res = await request('backup.create', {});
    setMaking(false);
    if (res.error) return showError(res.error);
    showSuccess(BACKUP_TEXT.made);
  };
  return (
    <Stack gap={6} maw={520}>
      <Group>
        <Button onClick={() => void make()} loading={making}>
          {BACKUP_TEXT.makeNow}
        </Button>
      </Group>
      <BackupJobProgress active={making} idleText={BACKUP_TEXT.making} />
    </Stack>
  );
}

function SecondDir({ overview, canEdit }: { overview: BackupOverview; canEdit: boolean }) {
  const change = async (name: 'backup.chooseSecondDir' | 'backup.clearSecondDir') => {
    const res = await request(name, {});
    if (res.error) return showError(res.error);
  };
  return (
    <Stack gap={4}>
      <Text fw={500}>{BACKUP_TEXT.secondDir}</Text>
      <Text size="sm" c="dimmed">
        {BACKUP_TEXT.secondDirHint}
      </Text>
      <Group gap="sm">
        {overview.secondDir ? <Code>{overview.secondDir}</Code> : <Text size="sm">{BACKUP_TEXT.secondDirNone}</Text>}
        {canEdit && (
          <Button size="xs" variant="light" onClick={() => void change('backup.chooseSecondDir')}>
            {BACKUP_TEXT.chooseDir}
          </Button>
        )}
        {canEdit && overview.secondDir && (
          <Button size="xs" variant="subtle" color="gray" onClick={() => void change('backup.clearSecondDir')}>
            {BACKUP_TEXT.clearDir}
          </Button>
        )}
      </Group>
      {overview.secondDirProblem && (
        <Alert color="yellow" mt={4}>
          {overview.secondDirProblem}
        </Alert>
      )}
    </Stack>
  );
}

/** Настройки → Резервные копии: every copy, «make one now», the second folder; the director restores. */
export function BackupsTab({ user }: { user: SessionUser }) {
  const { data: overview } = useEntry('backup.list', {});
  const [inspecting, setInspecting] = useState<string | null>(null);
  const isDirector = user.role === 'director';
  if (!overview) return null;
  return (
    <Stack>
      <Text size="sm" maw={760}>
        {BACKUP_TEXT.intro}
      </Text>
      <MakeNow />
      {overview.lastError && <Alert color="red">{overview.lastError}</Alert>}
      <SecondDir overview={overview} canEdit={isDirector} />
      <Text size="sm">
        {BACKUP_TEXT.lastFullCheck}: {overview.lastFullCheckAt ? formatDateTime(overview.lastFullCheckAt) : BACKUP_TEXT.never}
      </Text>
      {!isDirector && (
        <Text size="sm" c="dimmed">
          {BACKUP_TEXT.onlyDirectorRestores}
        </Text>
      )}
      {overview.backups.length === 0 ? (
        <Text c="dimmed">{BACKUP_TEXT.empty}</Text>
      ) : (
        <Table striped highlightOnHover withTableBorder data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{BACKUP_TEXT.columns.createdAt}</Table.Th>
              <Table.Th>{BACKUP_TEXT.columns.kind}</Table.Th>
              <Table.Th>{BACKUP_TEXT.columns.location}</Table.Th>
              <Table.Th ta="right">{BACKUP_TEXT.columns.size}</Table.Th>
              <Table.Th ta="right">{BACKUP_TEXT.columns.files}</Table.Th>
              {isDirector && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overview.backups.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                <Table.Td>{KIND_LABELS[b.kind]}</Table.Td>
                <Table.Td>{LOCATION_LABELS[b.location]}</Table.Td>
                <Table.Td ta="right">{formatBytes(b.dbBytes)}</Table.Td>
                <Table.Td ta="right">{b.files}</Table.Td>
                {isDirector && (
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => setInspecting(b.id)}>
                      {BACKUP_TEXT.inspect}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RestoreDialog backupId={inspecting} onClose={() => setInspecting(null)} />
    </Stack>
  );
}
