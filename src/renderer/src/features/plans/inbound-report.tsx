import { Button, Card, Group, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { addMonths } from '../../../../core/index';
import type { AdSourceDto } from '../../../../shared/api/inbound-types';
import { call, request, showError, showSuccess, useEntry } from '../../api/call';
import { monthFromNow } from '../sales/dates';
import { inputRoubles, parseRoubles, periodLabel, rub, shortMonth } from './format';
import { P, Q } from './strings';

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to && out.length < 24; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The report by advertising source (requests, deals, revenue, conversion, revenue per rouble), the spend grid and new sources. */
export function InboundReportView({ sources }: { sources: AdSourceDto[] }) {
  const [from, setFrom] = useState(monthFromNow(-2));
  const [to, setTo] = useState(monthFromNow(0));
  const [newSource, setNewSource] = useState('');
  const [spendEdits, setSpendEdits] = useState<Record<string, string>>({});
  const { data } = useEntry('inbound.report', { fromMonth: from, toMonth: to });
  const months = Array.from({ length: 25 }, (_, i) => monthFromNow(1 - i)).map((m) => ({ value: m, label: periodLabel(m) }));
  const spendOf = new Map((data?.spend ?? []).map((s) => [`${s.sourceId}|${s.month}`, s.amountKopecks]));
  const addSource = async () => {
    if (await call('inbound.saveSource', { name: newSource })) {
      setNewSource('');
    }
  };
  const saveSpend = async (sourceId: number, month: string, text: string) => {
    const key = `${sourceId}|${month}`;
    const amount = text.trim() === '' ? null : parseRoubles(text);
    if (text.trim() !== '' && amount === null) return;
    if ((spendOf.get(key) ?? null) === amount) return;
    const res = await request('inbound.saveSpend', { sourceId, month, amountKopecks: amount });
    if (res.error) return showError(res.error);
    showSuccess(P.saved);
    setSpendEdits((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)));
  };
  const spendMonths = monthsBetween(from, to);
  return (
    <Card withBorder radius="md">
      <Stack>
        <Group justify="space-between">
          <Text fw={600}>{Q.report}</Text>
          <Group>
            <Select aria-label={Q.fromMonth} data={months} value={from} onChange={(v) => setFrom(v ?? from)} allowDeselect={false} w={170} />
            <Select aria-label={Q.toMonth} data={months} value={to} onChange={(v) => setTo(v ?? to)} allowDeselect={false} w={170} />
          </Group>
        </Group>
        {data && (
          <Table striped withTableBorder data-testid="inbound-report">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{Q.source}</Table.Th>
                <Table.Th ta="right">{Q.requestsCol}</Table.Th>
                <Table.Th ta="right">{Q.dealsCol}</Table.Th>
                <Table.Th ta="right">{Q.wonCol}</Table.Th>
                <Table.Th ta="right">{Q.revenue}</Table.Th>
                <Table.Th ta="right">{Q.conversion}</Table.Th>
                <Table.Th ta="right">{Q.spend}</Table.Th>
                <Table.Th ta="right">{Q.perRouble}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...data.rows, { ...data.total, sourceId: 0, sourceName: P.total }].map((r) => (
                <Table.Tr key={r.sourceId} fw={r.sourceId === 0 ? 600 : undefined}>
                  <Table.Td>{r.sourceName}</Table.Td>
                  <Table.Td ta="right">{r.requests}</Table.Td>
                  <Table.Td ta="right">{r.deals}</Table.Td>
                  <Table.Td ta="right">{r.wonDeals}</Table.Td>
                  <Table.Td ta="right">{rub(r.revenueKopecks)}</Table.Td>
                  <Table.Td ta="right">{r.conversionPercent ?? '—'}</Table.Td>
                  <Table.Td ta="right">{rub(r.spendKopecks)}</Table.Td>
                  <Table.Td ta="right">{r.revenuePerRouble === null ? '—' : `${r.revenuePerRouble.replace('.', ',')}\u00a0₽`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed">
          {Q.revenueNote}
        </Text>
        <Text fw={600} size="sm">
          {Q.spendTitle}
        </Text>
        <ScrollArea>
          <Table withColumnBorders data-testid="spend-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{Q.source}</Table.Th>
                {spendMonths.map((m) => (
                  <Table.Th key={m}>{shortMonth(m)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sources.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.name}</Table.Td>
                  {spendMonths.map((m) => {
                    const key = `${s.id}|${m}`;
                    const text = spendEdits[key] ?? inputRoubles(spendOf.get(key));
                    return (
                      <Table.Td key={m} p={4}>
                        <TextInput
                          size="xs"
                          w={110}
                          value={text}
                          aria-label={`${s.name}, ${periodLabel(m)}`}
                          error={text.trim() !== '' && parseRoubles(text) === null}
                          styles={{ input: { textAlign: 'right' } }}
                          onChange={(e) => {
                            const v = e.currentTarget.value;
                            setSpendEdits((prev) => ({ ...prev, [key]: v }));
                          }}
                          onBlur={() => void saveSpend(s.id, m, text)}
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        <Group align="flex-end">
          <TextInput label={Q.newSource} value={newSource} onChange={(e) => setNewSource(e.currentTarget.value)} w={280} />
          <Button variant="light" onClick={() => void addSource()} disabled={newSource.trim() === ''}>
            {Q.add}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
