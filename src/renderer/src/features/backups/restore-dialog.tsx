import { Alert, Button, Checkbox, Group, List, Loader, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { BackupInspection } from '../../../../shared/api/backup';
import { request, showError } from '../../api/call';
import { BackupJobProgress } from './job-progress';
import { BACKUP_TEXT, formatDateTime, KIND_LABELS, LOCATION_LABELS, otherTables, TABLE_LABELS } from './strings';

function Inspection({ inspection }: { inspection: BackupInspection }) {
  const { backup, check } = inspection;
  // The main tables by name; the rest (technical ones, areas without labels yet) summed in one line.
  const tables = check.tables.filter((t) => t.name in TABLE_LABELS);
  const others = check.tables.filter((t) => !(t.name in TABLE_LABELS));
  return (
    <Stack gap="sm">
      <Text size="sm">
        Копия от <b>{formatDateTime(backup.createdAt)}</b> · {KIND_LABELS[backup.kind]} · {LOCATION_LABELS[backup.location]}
        {backup.appVersion ? ` · версия программы ${backup.appVersion}` : ''}
      </Text>
      {check.lastChangeAt && (
        <Text size="sm">
          {BACKUP_TEXT.lastChange}: {formatDateTime(check.lastChangeAt)}
        </Text>
      )}
      {check.ok ? (
        <Alert color="teal" data-testid="backup-check-ok">
          {BACKUP_TEXT.checkOk}
        </Alert>
      ) : (
        <Alert color="red" title={BACKUP_TEXT.checkFailed} data-testid="backup-check-failed">
          <List size="sm">
            {check.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {check.warnings.length > 0 && (
        <Alert color="yellow" title={BACKUP_TEXT.warnings}>
          <List size="sm">
            {check.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {tables.length > 0 && (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{BACKUP_TEXT.contents}</Table.Th>
              <Table.Th ta="right">Записей</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tables.map((t) => (
              <Table.Tr key={t.name}>
                <Table.Td>{TABLE_LABELS[t.name]}</Table.Td>
                <Table.Td ta="right">{t.rows.toLocaleString('ru-RU')}</Table.Td>
              </Table.Tr>
            ))}
            {others.length > 0 && (
              <Table.Tr>
                <Table.Td colSpan={2}>
                  <Text size="xs" c="dimmed">
                    {otherTables(others.length, others.reduce((n, t) => n + t.rows, 0))}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/**
 * Verifies a backup, shows what it holds and its date, and replaces the base only after an explicit
 * confirmation. After a restore everyone signs in again, so the app reloads.
 */
export function RestoreDialog({ backupId, onClose }: { backupId: string | null; onClose: () => void }) {
  const [inspection, setInspection] = useState<BackupInspection | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    setInspection(null);
    setConfirmed(false);
    setReason('');
    if (!backupId) return;
    void request('backup.inspect', { id: backupId }).then((res) => {
      if (res.error) {
        showError(res.error);
        close.current();
      } else setInspection(res.data);
    });
  }, [backupId]);
  const restore = async () => {
    if (!backupId) return;
    setBusy(true);
    const chainBroken = inspection?.check.auditFirstBadId != null;
    const res = await request('backup.restore', { id: backupId, confirm: true, ...(chainBroken ? { auditOverrideReason: reason } : {}) });
    setBusy(false);
    if (res.error) return showError(res.error);
    setDone(true);
  };
  if (done) {
    return (
      <Modal opened onClose={() => window.location.reload()} title={BACKUP_TEXT.restoreTitle} withCloseButton={false}>
        <Stack>
          <Alert color="teal">{BACKUP_TEXT.restored}</Alert>
          <Group justify="flex-end">
            <Button onClick={() => window.location.reload()}>Продолжить</Button>
          </Group>
        </Stack>
      </Modal>
    );
  }
  return (
    // While the base is being replaced the dialog stays: it shows how far the restore has got.
    <Modal opened={backupId !== null} onClose={busy ? () => undefined : onClose} withCloseButton={!busy} title={BACKUP_TEXT.restoreTitle} size="lg">
      {!inspection ? (
        <Group>
          <Loader size="sm" />
          <Text size="sm">{BACKUP_TEXT.checking}</Text>
        </Group>
      ) : (
        <Stack>
          <Inspection inspection={inspection} />
          {inspection.check.ok && inspection.check.auditFirstBadId !== null && (
            <Textarea
              label={BACKUP_TEXT.overrideLabel}
              description={BACKUP_TEXT.overrideHint}
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
          {inspection.check.ok && (
            <>
              <Checkbox label={BACKUP_TEXT.confirmLabel} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
              <Text size="xs" c="dimmed">
                {BACKUP_TEXT.confirmHint}
              </Text>
            </>
          )}
          <BackupJobProgress active={busy} idleText={BACKUP_TEXT.restoring} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {BACKUP_TEXT.cancel}
            </Button>
            <Button color="red" disabled={!inspection.check.ok || !confirmed || (inspection.check.auditFirstBadId !== null && reason.trim().length < 15)} loading={busy} onClick={() => void restore()}>
              {BACKUP_TEXT.restore}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
