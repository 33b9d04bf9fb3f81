import { Alert, Badge, Button, Group, Modal, PasswordInput, Select, Stack, Switch, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { UserDto } from '../../../../shared/api/users';
import { ROLE_TITLES, ROLES, type Role } from '../../../../shared/roles';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { SessionsList } from '../office/sessions-list';
import { SignInLocks } from './sign-in-locks';

const ROLE_CHOICES = ROLES.map((r) => ({ value: r, label: ROLE_TITLES[r] }));

interface PersonForm {
  fullName: string;
  position: string;
  role: Role;
  login: string;
  password: string;
  active: boolean;
}

function PersonEditor({ person, onClose }: { person: UserDto | null; onClose: (saved: boolean) => void }) {
  const [busy, setBusy] = useState(false);
  const form = useForm<PersonForm>({
    mode: 'controlled',
    initialValues: person
      ? { ...person, password: '' }
      : { fullName: '', position: ROLE_TITLES.manager, role: 'manager', login: '', password: '', active: true },
  });
  // The position follows the role while it is the role's title (or empty); a typed one stays.
  const pickRole = (value: string | null) => {
    const next = ROLES.find((r) => r === value);
    if (!next) return;
    const { position, role } = form.getValues();
    if (position === '' || position === ROLE_TITLES[role]) form.setFieldValue('position', ROLE_TITLES[next]);
    form.setFieldValue('role', next);
  };
  const submit = async (v: PersonForm) => {
    setBusy(true);
    const res = person
      ? await request('users.update', { id: person.id, fullName: v.fullName, position: v.position, role: v.role, active: v.active })
      : await request('users.create', { fullName: v.fullName, position: v.position, role: v.role, login: v.login, password: v.password });
    let error = res.error;
    if (!error && person && v.password) error = (await request('users.resetPassword', { id: person.id, password: v.password })).error;
    setBusy(false);
    if (error) {
      form.setErrors(fieldErrors(error));
      return showError(error);
    }
    showSuccess(person ? 'Сотрудник сохранён' : 'Сотрудник добавлен');
    onClose(true);
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <TextInput label="ФИО" withAsterisk {...form.getInputProps('fullName')} />
        <TextInput label="Должность" {...form.getInputProps('position')} />
        <Select label="Роль" data={ROLE_CHOICES} allowDeselect={false} {...form.getInputProps('role')} onChange={pickRole} />
        <TextInput label="Логин" withAsterisk disabled={person !== null} {...form.getInputProps('login')} />
        <PasswordInput
          label={person ? 'Новый пароль (оставьте пустым, чтобы не менять)' : 'Пароль'}
          withAsterisk={!person}
          {...form.getInputProps('password')}
        />
        {person && <Switch label="Учётная запись действует" {...form.getInputProps('active', { type: 'checkbox' })} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            Отмена
          </Button>
          <Button type="submit" loading={busy}>
            Сохранить
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Сотрудники: the director adds people, sets roles, resets passwords. */
export function UsersTab({ isDirector, currentUserId }: { isDirector: boolean; currentUserId: number }) {
  if (!isDirector) {
    return (
      <Alert color="yellow" title="Недостаточно прав">
        Список сотрудников и их роли ведёт директор.
      </Alert>
    );
  }
  return <UsersTable currentUserId={currentUserId} />;
}

function UsersTable({ currentUserId }: { currentUserId: number }) {
  const { data: people } = useEntry('users.list', {});
  const [editing, setEditing] = useState<UserDto | 'new' | null>(null);
  const close = () => setEditing(null);
  return (
    <Stack>
      <Group>
        <Button onClick={() => setEditing('new')}>Добавить сотрудника</Button>
      </Group>
      <Table striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>ФИО</Table.Th>
            <Table.Th>Должность</Table.Th>
            <Table.Th>Роль</Table.Th>
            <Table.Th>Логин</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(people ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                {p.fullName} {p.id === currentUserId && <Badge size="xs">вы</Badge>}
                {!p.active && <Badge size="xs" color="gray">отключён</Badge>}
              </Table.Td>
              <Table.Td>{p.position}</Table.Td>
              <Table.Td>{ROLE_TITLES[p.role]}</Table.Td>
              <Table.Td>{p.login}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => setEditing(p)}>
                  Изменить
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SignInLocks />
      <Modal opened={editing !== null} onClose={close} title="Сотрудник">
        {editing !== null && <PersonEditor person={editing === 'new' ? null : editing} onClose={close} />}
      </Modal>
      <SessionsList />
    </Stack>
  );
}
