import { Accordion, Badge, Button, Group, Paper, ScrollArea, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { STANDARD_KIND_LABELS } from '../../../../shared/api/standards';
import type { StandardDetail } from '../../../../shared/api/standards';
import { call, request, showError, useEntry } from '../../api/call';
import { L } from './strings';

/** The call script beside the call form: branches with their transitions, and the objection answers. */
export function ScriptPanel({ onScriptVersion }: { onScriptVersion: (versionId: number | null) => void }) {
  const scripts = useEntry('standards.list', { kind: 'script' });
  const objections = useEntry('objections.list', {});
  const [openId, setOpenId] = useState<number | null>(null);
  const [trail, setTrail] = useState<number[]>([]);
  const [standard, setStandard] = useState<StandardDetail | null>(null);
  useEffect(() => {
    if (openId === null) return;
    let alive = true;
    void call('standards.get', { id: openId }).then((s) => alive && setStandard(s));
    return () => {
      alive = false;
    };
  }, [openId]);
  const first = scripts.data?.[0]?.id ?? null;
  useEffect(() => {
    if (openId === null && first !== null) setOpenId(first);
  }, [first, openId]);
  useEffect(() => {
    if (standard && standard.kind === 'script') onScriptVersion(standard.versionId);
  }, [standard, onScriptVersion]);
  const go = (id: number) => {
    if (openId !== null) setTrail((t) => [...t, openId]);
    setOpenId(id);
  };
  const worked = async (answerId: number) => {
    const res = await request('objections.worked', { answerId });
    if (res.error) return showError(res.error);
  };
  const shown = openId !== null && standard && standard.id === openId ? standard : null;
  return (
    <Paper withBorder p="sm" h="100%" data-testid="script-panel">
      <ScrollArea h={620} type="auto">
        <Stack gap="sm">
          <Select
            label="Сценарий"
            data={(scripts.data ?? []).map((s) => ({ value: String(s.id), label: `${s.code ? `${s.code}. ` : ''}${s.title}` }))}
            value={openId === null ? null : String(openId)}
            onChange={(v) => v && go(Number(v))}
            allowDeselect={false}
          />
          {shown && (
            <Stack gap={6}>
              <Group gap={6}>
                <Title order={5}>{`${shown.code ? `${shown.code}. ` : ''}${shown.title}`}</Title>
                <Badge size="xs" variant="light">
                  {shown.kind === 'script' ? `${L.version} ${shown.version}` : STANDARD_KIND_LABELS[shown.kind]}
                </Badge>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="script-body">
                {shown.body}
              </Text>
              {shown.links.length > 0 && (
                <Stack gap={4}>
                  {shown.links.map((l) => (
                    <Button key={`${l.targetId}-${l.label}`} size="xs" variant="light" justify="flex-start" onClick={() => go(l.targetId)}>
                      {l.label} → {l.targetCode ? `${l.targetCode}. ` : ''}
                      {l.targetTitle}
                    </Button>
                  ))}
                </Stack>
              )}
              {trail.length > 0 && (
                <Button size="xs" variant="subtle" w="fit-content" onClick={() => {
                  setOpenId(trail[trail.length - 1]);
                  setTrail((t) => t.slice(0, -1));
                }}>
                  ← Назад
                </Button>
              )}
            </Stack>
          )}
          <Title order={5} mt="sm">
            {L.objections}
          </Title>
          <Accordion variant="separated" chevronPosition="left">
            {(objections.data ?? []).map((o) => (
              <Accordion.Item key={o.id} value={String(o.id)}>
                <Accordion.Control>
                  <Text size="sm">«{o.text}»</Text>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="xs">
                    {o.answers.map((a) => (
                      <Stack key={a.id} gap={2}>
                        {a.product && (
                          <Text size="xs" c="dimmed">
                            {a.product}
                          </Text>
                        )}
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {a.answer}
                        </Text>
                        <Group gap={6}>
                          <Button size="compact-xs" variant="light" color="teal" onClick={() => void worked(a.id)}>
                            {L.worked}
                          </Button>
                          <Text size="xs" c="dimmed">
                            {L.workedCount}: {a.worked}
                          </Text>
                        </Group>
                      </Stack>
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      </ScrollArea>
    </Paper>
  );
}
