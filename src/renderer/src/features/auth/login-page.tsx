import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { request } from '../../api/call';

/** The sign-in screen the app opens on (and returns to after the idle lock). */
export function LoginPage({ onSignedIn, locked }: { onSignedIn: () => void; locked: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { login: '', password: '' } });

  const submit = async (values: { login: string; password: string }) => {
    setBusy(true);
    const res = await request('auth.login', values);
    setBusy(false);
    if (res.error) {
      setError(res.error.message);
      return;
    }
    onSignedIn();
  };

  return (
    <Center h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
        <form onSubmit={form.onSubmit(submit)}>
          <Stack>
            <Title order={2}>Сделка</Title>
            <Text c="dimmed" size="sm">
              {locked ? 'Программа заблокирована из-за бездействия. Войдите снова.' : 'Войдите, чтобы начать работу.'}
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
