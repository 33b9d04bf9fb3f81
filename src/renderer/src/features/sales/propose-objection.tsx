import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { request, showError, showSuccess } from '../../api/call';

/** «Новое возражение»: a manager proposes one heard on a call; it is ticked at once and waits for the head of sales. */
export function ProposeObjection({ onProposed }: { onProposed: (id: number) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const propose = async () => {
    setBusy(true);
    const res = await request('objections.propose', { text });
    setBusy(false);
    if (res.error) return showError(res.error);
    showSuccess('Возражение предложено: руководитель отдела продаж добавит его в стандарт');
    setText('');
    onProposed(res.data.id);
  };
  return (
    <Group gap="xs" align="flex-end">
      <TextInput size="xs" w={360} label="Новое возражение" placeholder="Как сказал клиент" value={text} onChange={(e) => setText(e.currentTarget.value)} data-field="new-objection" />
      <Button size="xs" variant="light" loading={busy} disabled={text.trim() === ''} onClick={() => void propose()}>
        Предложить
      </Button>
    </Group>
  );
}
