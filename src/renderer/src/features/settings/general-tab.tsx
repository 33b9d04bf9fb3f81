import { Button, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { request, showError, showSuccess, useEntry } from '../../api/call';

/** Office settings: the idle lock, sign-in without a password for a one-person base. */
export function GeneralTab({ canEdit }: { canEdit: boolean }) {
  const { data } = useEntry('settings.get', {});
  const [minutes, setMinutes] = useState(15);
  const [loginDisabled, setLoginDisabled] = useState(false);
  // The version the fields were filled from: a save based on it is refused if someone saved the settings since.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (data) {
      setMinutes(data.idleLockMinutes);
      setLoginDisabled(data.loginDisabled);
      setVersion(data.version);
    }
  }, [data]);
  const save = async () => {
    const res = await request('settings.update', { version, idleLockMinutes: minutes, loginDisabled });
    if (res.error) return showError(res.error);
    setVersion(res.data.version);
    showSuccess('Настройки сохранены');
  };
  return (
    <Stack maw={520}>
      <NumberInput
        label="Блокировать программу после бездействия, минут"
        min={1}
        max={480}
        value={minutes}
        onChange={(v) => setMinutes(typeof v === 'number' ? v : 15)}
        disabled={!canEdit}
      />
      <Switch
        label="Входить без пароля"
        description="Только для базы, в которой работает один человек"
        checked={loginDisabled}
        onChange={(e) => setLoginDisabled(e.currentTarget.checked)}
        disabled={!canEdit || (data?.userCount ?? 0) > 1}
      />
      {!canEdit && <Text size="sm" c="dimmed">Изменять настройки может директор.</Text>}
      {canEdit && (
        <Group>
          <Button onClick={() => void save()}>Сохранить</Button>
        </Group>
      )}
    </Stack>
  );
}
