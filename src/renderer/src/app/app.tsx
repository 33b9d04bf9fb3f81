import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthStatus } from '../../../shared/api/auth';
import type { ApiError } from '../../../shared/errors';
import { call, onSessionEnded, request, showError } from '../api/call';
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

function SignedIn({ status, onEnded }: { status: AuthStatus & { user: NonNullable<AuthStatus['user']> }; onEnded: (reason: SignInReason, failure?: ApiError | null) => void }) {
  const path = usePath();
  usePushedChanges(status.user.id);
  const onLock = useCallback((failure: ApiError | null) => onEnded('locked', failure), [onEnded]);
  useIdleLock(status.idleLockMinutes, onLock);
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
    async (why: SignInReason, userId: number | null, lockFailure?: ApiError | null) => {
      if (!open.current) return;
      open.current = false;
      lockedUser.current = why === 'locked' ? userId : null;
      setReason(why);
      const error = why === 'signedOut' ? ((await request('auth.logout', {})).error ?? null) : (lockFailure ?? null);
      // A session the host had already ended is signed out all the same.
      const failed = error && error.code !== 'SESSION_EXPIRED' && error.code !== 'UNAUTHENTICATED' ? error : null;
      // The next person never sees the previous person's data, not even from the cache.
      queries.clear();
      if (failed) {
        // The host did not hear the sign-out (or the lock): asking it who is signed in would let the person
        // straight back in, so this window goes to the sign-in screen by itself and says why.
        showError(failed);
        setStatus((s) => (s ? { ...s, user: null } : s));
        return;
      }
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
    <SignedIn status={{ ...status, user }} onEnded={(why, failure) => void ended(why, user.id, failure)} />
  );
}
