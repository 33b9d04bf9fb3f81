import { Alert, Button, Code, CopyButton, Group, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { request, showError, useEntry } from '../../api/call';
import { OFFICE_TEXT as T } from './strings';

function CopyLine({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code data-testid={testId} style={{ wordBreak: 'break-all' }}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy} style={{ flexShrink: 0 }}>
              {copied ? T.copied : T.copy}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** Настройки → Офис (director only): serve the LAN from here, and what to hand to the other desks. */
export function OfficeTab() {
  const { data } = useEntry('office.info', {});
  const [port, setPort] = useState<number>(8443);
  const [busy, setBusy] = useState(false);
  const toggle = async (on: boolean) => {
    setBusy(true);
    const res = await request('office.serve', { on, port });
    setBusy(false);
    if (res.error) return showError(res.error);
  };
  if (!data) return null;
  return (
    <Stack maw={760}>
      <Title order={4}>{T.title}</Title>
      {data.canServe ? (
        <Group align="end">
          <Switch label={T.serving} description={T.servingHint} checked={data.serving} disabled={busy} onChange={(e) => void toggle(e.currentTarget.checked)} />
          {!data.serving && <NumberInput label={T.port} min={1024} max={65535} w={120} value={port} onChange={(v) => setPort(typeof v === 'number' ? v : 8443)} />}
        </Group>
      ) : (
        !data.serving && <Text c="dimmed">{T.cannotServe}</Text>
      )}
      {data.problem && <Alert color="red">{data.problem}</Alert>}
      {data.serving && data.address && data.connection && data.fingerprint ? (
        <Stack>
          <CopyLine label={T.address} value={data.address} testId="office-address" />
          <Text size="sm">
            {T.port}: {data.port}
          </Text>
          <CopyLine label={T.connection} value={data.connection} testId="office-connection" />
          <Text size="xs" c="dimmed">
            {T.connectionHint}
          </Text>
          <CopyLine label={T.fingerprint} value={data.fingerprint} testId="office-fingerprint" />
          <Text size="xs" c="dimmed">
            {T.fingerprintHint}
          </Text>
        </Stack>
      ) : (
        <Text c="dimmed">{T.off}</Text>
      )}
    </Stack>
  );
}
