import { Anchor, Badge, Button, FileButton, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { StandardDetail } from '../../../../shared/api/standards';
import { call, request, showError, useEntry } from '../../api/call';
import { formatAt, nowLocal } from './dates';
import { L } from './strings';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

async function openFile(id: number): Promise<void> {
  const f = await call('standards.file', { id });
  if (!f) return;
  const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: f.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = f.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Block({ title, text }: { title: string; text: string }) {
  if (!text) return null;
  return (
    <Stack gap={2}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </Stack>
  );
}

/** One standard at a chosen version: its text, transitions, attached files; heads edit and attach. */
export function StandardView({ id, canEdit, onOpen, onEdit }: { id: number; canEdit: boolean; onOpen: (id: number) => void; onEdit: (s: StandardDetail) => void }) {
  const [version, setVersion] = useState<number | undefined>(undefined);
  useEffect(() => setVersion(undefined), [id]);
  const { data: s } = useEntry('standards.get', { id, version });
  if (!s) return null;
  const attach = async (file: File | null) => {
    if (!file) return;
    const res = await request('standards.attach', { standardId: s.id, fileName: file.name, mime: file.type || 'application/octet-stream', base64: await toBase64(file) });
    if (res.error) return showError(res.error);
  };
  const latest = s.versions[0]?.version;
  return (
    <Stack gap="sm" data-testid="standard-view">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3}>{`${s.code ? `${s.code}. ` : ''}${s.title}`}</Title>
          <Text size="xs" c="dimmed">
            {L.version} {s.version} · {formatAt(nowLocal(new Date(s.updatedAt)))}
            {s.authorName ? ` · ${s.authorName}` : ''}
            {s.note ? ` · ${s.note}` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          <Select
            aria-label={L.version}
            w={210}
            data={s.versions.map((v) => ({ value: String(v.version), label: `${L.version} ${v.version}${v.version === latest ? ` (${L.current})` : ''}` }))}
            value={String(s.version)}
            onChange={(v) => setVersion(v ? Number(v) : undefined)}
            allowDeselect={false}
          />
          {canEdit && s.version === latest && <Button onClick={() => onEdit(s)}>{L.newVersion}</Button>}
        </Group>
      </Group>
      {s.kind === 'competitor' && (
        <>
          <Block title={L.stronger} text={s.stronger} />
          <Block title={L.weaker} text={s.weaker} />
          <Block title={L.offer} text={s.offer} />
        </>
      )}
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {s.body}
      </Text>
      {s.links.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {L.links}
          </Text>
          {s.links.map((l) => (
            <Group key={`${l.targetId}-${l.label}`} gap={6}>
              <Text size="sm">{l.label} →</Text>
              <Anchor component="button" type="button" size="sm" onClick={() => onOpen(l.targetId)}>
                {l.targetCode ? `${l.targetCode}. ` : ''}
                {l.targetTitle}
              </Anchor>
            </Group>
          ))}
        </Stack>
      )}
      {(s.kind === 'competitor' || s.files.length > 0) && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {L.files}
          </Text>
          {s.files.map((f) => (
            <Group key={f.id} gap={6}>
              <Anchor component="button" type="button" size="sm" onClick={() => void openFile(f.id)}>
                {f.fileName}
              </Anchor>
              <Badge size="xs" variant="light">
                {Math.max(1, Math.round(f.size / 1024))} КБ
              </Badge>
            </Group>
          ))}
          {canEdit && (
            <FileButton onChange={(f) => void attach(f)}>
              {(props) => (
                <Button size="xs" variant="light" w="fit-content" {...props}>
                  {L.attach}
                </Button>
              )}
            </FileButton>
          )}
        </Stack>
      )}
    </Stack>
  );
}
