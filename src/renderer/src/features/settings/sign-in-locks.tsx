import { Button, Stack, Table, Text, Title } from '@mantine/core';
import type { SignInLockDto } from '../../../../shared/api/users';
import { request, showError, showSuccess, useEntry } from '../../api/call';

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });
}

/** Сотрудники → locked sign-ins: a login locked from one computer after repeated wrong passwords. */
export function SignInLocks() {
  const { data: locks } = useEntry('users.signInLocks', {});
  const unlock = async (lock: SignInLockDto) => {
    const res = await request('users.unlockSignIn', { login: lock.login, address: lock.address });
    if (res.error) return showError(res.error);
    showSuccess(`Вход под логином «${lock.login}» снова разрешён`);
  };
  return (
    <Stack gap="xs">
      <Title order={5}>Заблокированные входы</Title>
      {(locks ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          Нет: после 10 неверных паролей подряд вход под логином с того компьютера закрывается на 15 минут, и он появится здесь.
        </Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Логин</Table.Th>
              <Table.Th>Компьютер</Table.Th>
              <Table.Th>Неудачных попыток</Table.Th>
              <Table.Th>До</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(locks ?? []).map((lock) => (
              <Table.Tr key={`${lock.login}@${lock.address}`}>
                <Table.Td>{lock.login}</Table.Td>
                <Table.Td>{lock.computer === lock.address ? lock.address : `${lock.computer} (${lock.address})`}</Table.Td>
                <Table.Td>{lock.failures}</Table.Td>
                <Table.Td>{time(lock.until)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => void unlock(lock)}>
                    Снять блокировку
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
