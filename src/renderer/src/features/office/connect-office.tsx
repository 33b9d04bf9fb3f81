import { Alert, Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { request } from '../../api/call';

/** «Подключиться к офису»: paste the connection string from the office computer's Настройки → Офис. */
export function ConnectOffice() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const connect = async () => {
    setBusy(true);
    setError(null);
    const res = await request('office.connect', { connection: text });
    setBusy(false);
    if (res.error) return setError(res.error.message);
    setDone(true);
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid="connect-office">
        Подключиться к офису
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Подключиться к офису">
        {done ? (
          <Alert color="teal">Подключено. Программа перезапускается и откроет базу главного компьютера.</Alert>
        ) : (
          <Stack>
            <Text size="sm">
              На главном компьютере офиса директор открывает Настройки → Офис и копирует строку подключения. Вставьте её сюда: база останется на главном
              компьютере, здесь её копии не будет.
            </Text>
            <Textarea label="Строка подключения" placeholder="sdelka://192.168.1.10:8443#sha256=…" autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} />
            <Button onClick={() => void connect()} loading={busy}>
              Подключиться
            </Button>
          </Stack>
        )}
      </Modal>
    </>
  );
}
