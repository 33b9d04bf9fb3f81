import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { AuthStatus } from '../../../shared/api/auth';
import { call, onSessionEnded } from '../api/call';
import { AuditBanner } from '../features/audit/audit-banner';
import { RecoveryPage } from '../features/backups/recovery-page';
import { LoginPage } from '../features/auth/login-page';
import { useIdleLock } from '../features/auth/use-idle-lock';
import { SalesReminders } from '../features/sales/reminders';
import { SetupPage } from '../features/setup/setup-page';
import { SigningReminder } from '../features/signing/reminder';
import { renderRoute } from './routes';
import { usePath } from './router';
import { Shell } from './shell';

function SignedIn({ status, onLock }: { status: AuthStatus & { user: NonNullable<AuthStatus['user']> }; onLock: () => void }) {
  const path = usePath();
  useIdleLock(status.idleLockMinutes, onLock);
  const logout = async () => {
    await call('auth.logout', {});
    onLock();
  };
  return (
    <Shell user={status.user} path={path} onLogout={() => void logout()}>
      <AuditBanner brokenAt={status.auditBrokenAt} />
      {renderRoute(path, status.user)}
      <SalesReminders user={status.user} />
      <SigningReminder user={status.user} />
    </Shell>
  );
}

/** The root: set-up on first run, then sign-in, then the shell; a recovery screen if the base is damaged. */
export function App() {
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [locked, setLocked] = useState(false);
  const refresh = useCallback(async () => setStatus(await call('auth.status', {})), []);
  useEffect(() => {
    void refresh();
    return onSessionEnded(() => {
      setLocked(true);
      void refresh();
    });
  }, [refresh]);

  if (!status) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (status.mode === 'recovery') return <RecoveryPage status={status} onChanged={() => void refresh()} />;
  if (status.needsSetup) return <SetupPage onDone={() => void refresh()} />;
  if (!status.user) {
    return (
      <LoginPage
        locked={locked}
        onSignedIn={() => {
          setLocked(false);
          void refresh();
        }}
      />
    );
  }
  const user = status.user;
  return (
    <SignedIn
      status={{ ...status, user }}
      onLock={() => {
        setLocked(true);
        void refresh();
      }}
    />
  );
}
