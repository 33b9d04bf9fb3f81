import { ActionIcon, Alert, Autocomplete, Button, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DIVISION_MODE_TITLES, DIVISION_MODES, type DivisionMode } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { DS } from './strings';

interface Rule {
  value: string;
  managerId: string | null;
}

/** Распределение: the written standard of dividing the base — by region, segment, source or claims that lapse. */
export function DivisionPage({ user }: { user: SessionUser }) {
  const canEdit = user.role === 'director' || user.role === 'head_of_sales';
  const { data } = useEntry('clients.division', {});
  const facets = useEntry('clients.facets', {});
  const [mode, setMode] = useState<DivisionMode>('claims');
  const [lapseDays, setLapseDays] = useState(30);
  const [shareBase, setShareBase] = useState(false);
  const [rules, setRules] = useState<Rule[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!data) return;
    setMode(data.mode);
    setLapseDays(data.lapseDays);
    setShareBase(data.shareBase);
    setRules(data.rules.map((r) => ({ value: r.value, managerId: String(r.managerId) })));
  }, [data]);
  const managers = (data?.managers ?? []).map((m) => ({ value: String(m.id), label: m.fullName }));
  const valueChoices = mode === 'region' ? facets.data?.regions : mode === 'segment' ? facets.data?.segments : [];
  const sources = (facets.data?.sources ?? []).map((s) => ({ value: String(s.id), label: s.name }));
  const save = async () => {
    const res = await request('clients.saveDivision', {
      mode,
      lapseDays,
      shareBase,
      rules: rules.filter((r) => r.value && r.managerId).map((r) => ({ value: r.value, managerId: Number(r.managerId) })),
    });
    if (res.error) {
      setErrors(fieldErrors(res.error));
      return showError(res.error);
    }
    setErrors({});
    showSuccess(DS.saved);
  };
  const apply = async () => {
    const res = await request('clients.applyDivision', {});
    if (res.error) return showError(res.error);
    showSuccess(DS.applied(res.data.assigned, res.data.left));
  };
  const setRule = (i: number, patch: Partial<Rule>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Paper withBorder radius="md" p="lg" maw={860}>
      <Stack>
        <Title order={4}>{DS.title}</Title>
        <Text size="sm" c="dimmed">
          {DS.intro}
        </Text>
        {!canEdit && <Alert color="gray">{DS.readOnly}</Alert>}
        <SegmentedControl
          disabled={!canEdit}
          value={mode}
          onChange={(v) => setMode(DIVISION_MODES.find((m) => m === v) ?? 'claims')}
          data={DIVISION_MODES.map((m) => ({ value: m, label: DIVISION_MODE_TITLES[m] }))}
        />
        {mode === 'claims' ? (
          <NumberInput label={DS.lapse} description={DS.lapseHint} min={0} max={3650} w={420} value={lapseDays} disabled={!canEdit} onChange={(v) => setLapseDays(typeof v === 'number' ? v : 0)} />
        ) : (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {DS.rules}
            </Text>
            {rules.length === 0 && <Text size="sm" c="dimmed">{DS.noRules}</Text>}
            {rules.map((r, i) => (
              <Group key={i} gap="xs" align="flex-start">
                {mode === 'source' ? (
                  <Select w={280} placeholder={DS.value.source} data={sources} value={r.value || null} onChange={(v) => setRule(i, { value: v ?? '' })} disabled={!canEdit} error={errors[`rules.${i}.value`]} />
                ) : (
                  <Autocomplete w={280} placeholder={DS.value[mode]} data={valueChoices ?? []} value={r.value} onChange={(v) => setRule(i, { value: v })} disabled={!canEdit} error={errors[`rules.${i}.value`]} />
                )}
                <Select w={280} placeholder={DS.manager} data={managers} value={r.managerId} onChange={(v) => setRule(i, { managerId: v })} disabled={!canEdit} error={errors[`rules.${i}.managerId`]} />
                {canEdit && (
                  <ActionIcon variant="subtle" color="gray" mt={6} onClick={() => setRules(rules.filter((_, j) => j !== i))} aria-label="Удалить правило">
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
            {canEdit && (
              <Group>
                <Button size="compact-sm" variant="subtle" onClick={() => setRules([...rules, { value: '', managerId: null }])}>
                  {DS.addRule}
                </Button>
              </Group>
            )}
          </Stack>
        )}
        <Switch label={DS.share} description={DS.shareHint} checked={shareBase} disabled={!canEdit} onChange={(e) => setShareBase(e.currentTarget.checked)} />
        {canEdit && (
          <Group>
            <Button onClick={() => void save()}>{DS.save}</Button>
            {data && data.mode !== 'claims' && (
              <Button variant="light" disabled={data.freeCount === 0} onClick={() => void apply()}>
                {DS.apply(data.freeCount)}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
