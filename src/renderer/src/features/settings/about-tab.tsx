import { Code, Stack, Text } from '@mantine/core';
import { useEntry } from '../../api/call';

/** About the program: version and where the data lives (to back it up). */
export function AboutTab() {
  const { data } = useEntry('system.info', {});
  if (!data) return null;
  return (
    <Stack gap="xs">
      <Text fw={600}>
        {data.appName} {data.version}
      </Text>
      <Text size="sm">Папка данных:</Text>
      <Code>{data.dataDir}</Code>
      <Text size="sm">Файл базы:</Text>
      <Code>{data.dbFile}</Code>
      <Text size="sm" c="dimmed">
        Резервные копии базы и вложений программа делает сама: см. вкладку «Резервные копии».
      </Text>
    </Stack>
  );
}
