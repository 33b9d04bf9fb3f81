import { ActionIcon, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { StandardDetail, StandardKind, StandardSummary } from '../../../../shared/api/standards';
import { STANDARD_KIND_LABELS } from '../../../../shared/api/standards';
import { request, showError, showSuccess } from '../../api/call';
import { L } from './strings';

/** The editor of a standard: saving always makes a new version; the old ones stay readable. */
export function StandardEditor({
  kind,
  standard,
  all,
  onClose,
}: {
  kind: StandardKind;
  standard: StandardDetail | null;
  all: StandardSummary[];
  onClose: (savedId: number | null) => void;
}) {
  const [v, setV] = useState({
    code: standard?.code ?? '',
    title: standard?.title ?? '',
    body: standard?.body ?? '',
    stronger: standard?.stronger ?? '',
    weaker: standard?.weaker ?? '',
    offer: standard?.offer ?? '',
    note: '',
  });
  const [links, setLinks] = useState((standard?.links ?? []).map((l) => ({ targetId: String(l.targetId), label: l.label })));
  const targets = all.filter((s) => s.id !== standard?.id).map((s) => ({ value: String(s.id), label: `${STANDARD_KIND_LABELS[s.kind]}: ${s.code ? `${s.code}. ` : ''}${s.title}` }));
  const save = async () => {
    const input = { kind, ...v, links: links.filter((l) => l.targetId && l.label.trim()).map((l) => ({ targetId: Number(l.targetId), label: l.label })) };
    const res = standard ? await request('standards.saveVersion', { id: standard.id, standard: input }) : await request('standards.create', input);
    if (res.error) return showError(res.error);
    showSuccess(standard ? `Сохранена версия ${res.data.version}` : 'Стандарт создан');
    onClose(res.data.id);
  };
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  return (
    <Modal opened onClose={() => onClose(null)} title={standard ? `${L.newVersion}: ${standard.title}` : L.newStandard} size="xl">
      <Stack gap="sm">
        <Group grow>
          {(kind === 'script' || kind === 'letter') && <TextInput label={L.code} value={v.code} onChange={set('code')} maw={200} />}
          <TextInput label={L.name} withAsterisk value={v.title} onChange={set('title')} />
        </Group>
        {kind === 'competitor' && (
          <>
            <Textarea label={L.stronger} value={v.stronger} onChange={set('stronger')} autosize minRows={2} />
            <Textarea label={L.weaker} value={v.weaker} onChange={set('weaker')} autosize minRows={2} />
            <Textarea label={L.offer} value={v.offer} onChange={set('offer')} autosize minRows={2} />
          </>
        )}
        <Textarea label={L.body} value={v.body} onChange={set('body')} autosize minRows={8} maxRows={20} />
        {(kind === 'script' || kind === 'incoming' || kind === 'letter') && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {L.links}
            </Text>
            {links.map((l, i) => (
              <Group key={i} gap="xs" wrap="nowrap">
                <TextInput placeholder={L.linkLabel} value={l.label} onChange={(e) => { const label = e.currentTarget.value; setLinks(links.map((x, j) => (j === i ? { ...x, label } : x))); }} style={{ flex: 1 }} />
                <Select placeholder={L.linkTarget} data={targets} value={l.targetId || null} onChange={(t) => setLinks(links.map((x, j) => (j === i ? { ...x, targetId: t ?? '' } : x)))} style={{ flex: 1 }} searchable />
                <ActionIcon variant="subtle" color="gray" aria-label="Удалить переход" onClick={() => setLinks(links.filter((_, j) => j !== i))}>
                  ✕
                </ActionIcon>
              </Group>
            ))}
            <Button size="xs" variant="light" w="fit-content" onClick={() => setLinks([...links, { targetId: '', label: '' }])}>
              {L.addLink}
            </Button>
          </Stack>
        )}
        {standard && <TextInput label={L.note} value={v.note} onChange={set('note')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(null)}>
            Отмена
          </Button>
          <Button onClick={() => void save()}>Сохранить</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
