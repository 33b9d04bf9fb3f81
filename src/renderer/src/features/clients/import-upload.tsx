import '@mantine/dropzone/styles.css';
import { Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { useEntry } from '../../api/call';
import { IS } from './strings';
import { when } from './when';

/** Whose the imported clients become: 'me', 'standard' or a person's id. */
export type OwnerChoice = string;

/** Reads a dropped file into base64 for the contract. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Step 1: the file (CSV or XLSX) and, for the heads, whose the new clients will be; below, the lists loaded before. */
export function ImportUpload({
  user,
  owner,
  onOwner,
  onFile,
}: {
  user: SessionUser;
  owner: OwnerChoice;
  onOwner: (o: OwnerChoice) => void;
  onFile: (name: string, data: string) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const facets = useEntry('clients.facets', {});
  const batches = useEntry('clients.importBatches', {});
  const heads = user.role === 'director' || user.role === 'head_of_sales';
  const drop = async (files: File[]) => {
    const f = files[0];
    if (!f) return;
    setBusy(true);
    await onFile(f.name, await readBase64(f));
    setBusy(false);
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {IS.intro}
      </Text>
      {heads && (
        <Select
          label={IS.owner}
          w={340}
          allowDeselect={false}
          value={owner}
          onChange={(v) => onOwner(v ?? 'me')}
          data={[
            { value: 'me', label: IS.me },
            { value: 'standard', label: 'По стандарту деления' },
            ...(facets.data?.managers ?? []).filter((m) => m.id !== user.id).map((m) => ({ value: String(m.id), label: m.fullName })),
          ]}
        />
      )}
      <Dropzone onDrop={(f) => void drop(f)} multiple={false} loading={busy} data-testid="import-dropzone" maxSize={30 * 1024 * 1024}>
        <Group justify="center" mih={140} style={{ pointerEvents: 'none' }}>
          {busy ? <Loader size="sm" /> : null}
          <Stack gap={4} align="center">
            <Text fw={600}>{busy ? IS.reading : IS.drop}</Text>
            <Text size="sm" c="dimmed" ta="center" maw={520}>
              {IS.dropHint}
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      <Title order={5} mt="md">
        {IS.history}
      </Title>
      {batches.data && batches.data.length === 0 && <Text size="sm" c="dimmed">{IS.historyEmpty}</Text>}
      {batches.data && batches.data.length > 0 && (
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Файл</Table.Th>
              <Table.Th>Когда</Table.Th>
              <Table.Th>Кто</Table.Th>
              <Table.Th>Строк</Table.Th>
              <Table.Th>Добавлено</Table.Th>
              <Table.Th>Дополнено</Table.Th>
              <Table.Th>Пропущено</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batches.data.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{b.fileName}</Table.Td>
                <Table.Td>{when(b.at)}</Table.Td>
                <Table.Td>{b.userName}</Table.Td>
                <Table.Td>{b.totalRows}</Table.Td>
                <Table.Td>{b.created}</Table.Td>
                <Table.Td>{b.merged}</Table.Td>
                <Table.Td>{b.skipped}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
