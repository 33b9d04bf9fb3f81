import { Button, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/api/system';
import { request, showError, showSuccess, useEntry } from '../../api/call';

/** Office settings: the idle lock, sign-in without a password for a one-person base. */
export function GeneralTab({ canEdit }: { canEdit: boolean }) {
  const { data } = useEntry('settings.get', {});
  const [minutes, setMinutes] = useState(15);
  const [loginDisabled, setLoginDisabled] = useState(false);
  // What the fields were filled from, with its version: a save based on it is refused if someone saved the settings since.
  const [filled, setFilled] = useState<Settings | null>(null);
  const typed = filled !== null && (minutes !== filled.idleLockMinutes || loginDisabled !== filled.loginDisabled);
  useEffect(() => {
    // Another person's save refills the fields only while nothing is typed here: typing is never lost.
    if (data && !typed) {
      setMinutes(data.idleLockMinutes);
      setLoginDisabled(data.loginDisabled);
      setFilled(data);
    }
  }, [data]);
  const save = async () => {
    const res = await request('settings.update', { version: filled?.version ?? 0, idleLockMinutes: minutes, loginDisabled });
    if (res.error) return showError(res.error);
    setFilled(res.data);
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
