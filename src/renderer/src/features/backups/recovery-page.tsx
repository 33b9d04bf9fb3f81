import { Alert, Button, Card, Container, Group, Loader, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AuthStatus } from '../../../../shared/api/auth';
import type { BackupInspection } from '../../../../shared/api/backup';
import { request } from '../../api/call';
import { RestoreDialog } from './restore-dialog';
import { formatDateTime, KIND_LABELS, LOCATION_LABELS, RECOVERY_TEXT } from './strings';

function DirectorSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const res = await request('auth.login', { login, password });
    if (res.error) return setError(res.error.message);
    onSignedIn();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack maw={360}>
        <Text size="sm">{RECOVERY_TEXT.signIn}</Text>
        <TextInput label={RECOVERY_TEXT.login} value={login} onChange={(e) => setLogin(e.currentTarget.value)} />
        <PasswordInput label={RECOVERY_TEXT.password} value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button type="submit">{RECOVERY_TEXT.enter}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function NewestGood() {
  const [newest, setNewest] = useState<BackupInspection | null | undefined>(undefined);
  const [restoring, setRestoring] = useState<string | null>(null);
  useEffect(() => {
    void request('backup.newestGood', {}).then((res) => setNewest(res.data ?? null));
  }, []);
  if (newest === undefined) {
    return (
      <Group>
        <Loader size="sm" />
        <Text size="sm">{RECOVERY_TEXT.looking}</Text>
      </Group>
    );
  }
  if (newest === null) return <Alert color="yellow">{RECOVERY_TEXT.none}</Alert>;
  return (
    <Card withBorder data-testid="newest-good-backup">
      <Stack gap="xs">
        <Text fw={600}>{RECOVERY_TEXT.newest}</Text>
        <Text size="sm">
          {formatDateTime(newest.backup.createdAt)} · {KIND_LABELS[newest.backup.kind]} · {LOCATION_LABELS[newest.backup.location]}
        </Text>
        <Group>
          <Button color="red" onClick={() => setRestoring(newest.backup.id)}>
            {RECOVERY_TEXT.restore}
          </Button>
        </Group>
      </Stack>
      <RestoreDialog backupId={restoring} onClose={() => setRestoring(null)} />
    </Card>
  );
}

/** Shown instead of the app when the base failed its check: why, and the way back (the director restores). */
export function RecoveryPage({ status, onChanged }: { status: AuthStatus; onChanged: () => void }) {
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Title order={2}>{RECOVERY_TEXT.title}</Title>
        <Alert color="red" title={RECOVERY_TEXT.readOnly}>
          <Text size="sm">
            {RECOVERY_TEXT.found} {status.recoveryReason}
          </Text>
          <Text size="sm" mt="xs">
            {RECOVERY_TEXT.explain}
          </Text>
        </Alert>
        {!status.user && <DirectorSignIn onSignedIn={onChanged} />}
        {status.user && status.user.role !== 'director' && <Text size="sm">{RECOVERY_TEXT.notDirector}</Text>}
        {status.user?.role === 'director' && <NewestGood />}
      </Stack>
    </Container>
  );
}
