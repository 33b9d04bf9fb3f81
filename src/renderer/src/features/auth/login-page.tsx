import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { request } from '../../api/call';

/** Why the sign-in screen is shown: the app just opened, the person signed out, or the idle lock ended the session. */
export type SignInReason = 'start' | 'signedOut' | 'locked';

const GREETING: Record<SignInReason, string> = {
  start: 'Войдите, чтобы начать работу.',
  signedOut: 'Вы вышли из программы. Войдите, чтобы начать работу.',
  locked: 'Программа заблокирована из-за бездействия. Войдите снова.',
};

/** The sign-in screen the app opens on (and returns to after sign-out or the idle lock). */
export function LoginPage({ onSignedIn, reason }: { onSignedIn: (userId: number) => void; reason: SignInReason }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The first key typed starts warming what the first document needs (the PDF threads), while the person signs in.
  const prepared = useRef(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { login: '', password: '' },
    onValuesChange: () => {
      if (prepared.current) return;
      prepared.current = true;
      void request('auth.prepare', {}, { background: true });
    },
  });

  const submit = async (values: { login: string; password: string }) => {
    setBusy(true);
    const res = await request('auth.login', values);
    setBusy(false);
    if (res.error) {
      setError(res.error.message);
      return;
    }
    onSignedIn(res.data.id);
  };

  return (
    <Center h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
        <form onSubmit={form.onSubmit(submit)}>
          <Stack>
            <Title order={2}>Сделка</Title>
            <Text c="dimmed" size="sm">
              {GREETING[reason]}
            </Text>
            <TextInput label="Логин" autoFocus {...form.getInputProps('login')} />
            <PasswordInput label="Пароль" {...form.getInputProps('password')} />
            {error && (
              <Text c="red" size="sm" role="alert">
                {error}
              </Text>
            )}
            <Button type="submit" loading={busy}>
              Войти
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
