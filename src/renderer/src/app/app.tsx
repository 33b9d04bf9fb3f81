import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthStatus } from '../../../shared/api/auth';
import { call, onSessionEnded, request } from '../api/call';
import { usePushedChanges } from '../api/live-queries';
import { AuditBanner } from '../features/audit/audit-banner';
import { RecoveryPage } from '../features/backups/recovery-page';
import { LoginPage, type SignInReason } from '../features/auth/login-page';
import { useIdleLock } from '../features/auth/use-idle-lock';
import { SalesReminders } from '../features/sales/reminders';
import { SetupPage } from '../features/setup/setup-page';
import { SigningReminder } from '../features/signing/reminder';
import { renderRoute } from './routes';
import { navigate, usePath } from './router';
import { Shell } from './shell';

function SignedIn({ status, onEnded }: { status: AuthStatus & { user: NonNullable<AuthStatus['user']> }; onEnded: (reason: SignInReason) => void }) {
  const path = usePath();
  usePushedChanges(status.user.id);
  useIdleLock(status.idleLockMinutes, () => onEnded('locked'));
  return (
    <Shell user={status.user} path={path} onLogout={() => onEnded('signedOut')}>
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
  const [reason, setReason] = useState<SignInReason>('start');
  // Who was locked out: the same person signing in again returns to their page, anyone else starts at home.
  const lockedUser = useRef<number | null>(null);
  const queries = useQueryClient();
  // Whether a person's session is open here: the first word on its end (sign-out or lock) is the one shown.
  const open = useRef(false);
  const refresh = useCallback(async () => {
    const s = await call('auth.status', {});
    open.current = Boolean(s?.user);
    setStatus(s);
  }, []);
  const ended = useCallback(
    async (why: SignInReason, userId: number | null) => {
      if (!open.current) return;
      open.current = false;
      lockedUser.current = why === 'locked' ? userId : null;
      setReason(why);
      if (why === 'signedOut') await request('auth.logout', {});
      // The next person never sees the previous person's data, not even from the cache.
      queries.clear();
      await refresh();
    },
    [queries, refresh],
  );
  const userId = status?.user?.id ?? null;
  useEffect(() => onSessionEnded(() => void ended('locked', userId)), [ended, userId]);
  useEffect(() => {
    void refresh();
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
        reason={reason}
        onSignedIn={(id) => {
          if (lockedUser.current !== id) navigate('/');
          lockedUser.current = null;
          setReason('start');
          void refresh();
        }}
      />
    );
  }
  const user = status.user;
  return (
    <SignedIn status={{ ...status, user }} onEnded={(why) => void ended(why, user.id)} />
  );
}
