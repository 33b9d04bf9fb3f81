import { Button, Card, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import type { NumberSeriesDto } from '../../../../shared/api/catalog';
import { DOC_ADMINS } from '../../../../shared/api/document-types';
import { request, showError, showSuccess, useApi } from '../../api/call';
import { DIR } from './strings';

function SeriesRow({ s, canEdit, onSaved }: { s: NumberSeriesDto; canEdit: boolean; onSaved: () => void }) {
  const [mask, setMask] = useState(s.mask);
  const [next, setNext] = useState<number>(s.lastNumber + 1);
  const [ahead, setAhead] = useState<number | null>(s.maxDaysAhead);
  useEffect(() => {
    setMask(s.mask);
    setNext(s.lastNumber + 1);
    setAhead(s.maxDaysAhead);
  }, [s]);
  const save = async () => {
    const res = await request('numberSeries.save', { orgId: s.orgId, seriesKey: s.seriesKey, year: s.year, mask, nextNumber: next });
    if (res.error) return showError(res.error);
    if (ahead !== s.maxDaysAhead) {
      const rule = await request('numberSeries.saveRule', { seriesKey: s.seriesKey, maxDaysAhead: ahead });
      if (rule.error) return showError(rule.error);
    }
    showSuccess(DIR.seriesSaved);
    onSaved();
  };
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{s.title}</Text>
        <Text size="xs" c="dimmed">
          {s.rule}
        </Text>
      </Table.Td>
      <Table.Td w={220}>
        <TextInput size="xs" value={mask} disabled={!canEdit} onChange={(e) => setMask(e.currentTarget.value)} aria-label={`${DIR.mask}: ${s.title}`} />
      </Table.Td>
      <Table.Td w={140}>
        <NumberInput size="xs" min={Math.max(s.lastNumber, s.issuedMax) + 1} value={next} disabled={!canEdit} onChange={(v) => setNext(typeof v === 'number' ? v : s.lastNumber + 1)} aria-label={`${DIR.nextNumber}: ${s.title}`} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{s.nextPreview}</Text>
      </Table.Td>
      <Table.Td w={120}>
        <NumberInput
          size="xs"
          min={0}
          max={3650}
          placeholder={DIR.noLimit}
          value={ahead ?? ''}
          disabled={!canEdit}
          onChange={(v) => setAhead(typeof v === 'number' ? v : null)}
          aria-label={`${DIR.daysAhead}: ${s.title}`}
        />
      </Table.Td>
      <Table.Td w={120}>
        {canEdit && (
          <Button size="xs" variant="light" onClick={() => void save()}>
            Сохранить
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Numbering of documents: per organisation, series and year — the mask and the next number (never back). */
export function NumberingPage({ user }: { user: SessionUser }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const orgs = useApi('orgs.list', {});
  const [orgId, setOrgId] = useState<number | null>(null);
  useEffect(() => {
    if (orgId === null && orgs.data?.length) setOrgId((orgs.data.find((o) => o.isDefault) ?? orgs.data[0]).id);
  }, [orgs.data, orgId]);
  const series = useApi('numberSeries.list', { orgId: orgId ?? undefined, year }, [orgId, year]);
  const canEdit = DOC_ADMINS.includes(user.role);
  return (
    <Stack maw={1000} data-testid="numbering-page">
      <Title order={3}>{DIR.numbering}</Title>
      <Text size="sm" c="dimmed">
        {DIR.maskHint}
      </Text>
      <Stack gap="xs" style={{ flexDirection: 'row' }}>
        <Select label="Организация" w={280} data={(orgs.data ?? []).map((o) => ({ value: String(o.id), label: o.shortName }))} value={orgId === null ? null : String(orgId)} allowDeselect={false} onChange={(v) => setOrgId(v ? Number(v) : null)} />
        <Select label={DIR.year} w={120} data={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: String(y) }))} value={String(year)} allowDeselect={false} onChange={(v) => setYear(Number(v ?? thisYear))} />
      </Stack>
      <Card withBorder padding={0}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{DIR.series}</Table.Th>
              <Table.Th>{DIR.mask}</Table.Th>
              <Table.Th>{DIR.nextNumber}</Table.Th>
              <Table.Th>{DIR.nextPreview}</Table.Th>
              <Table.Th>{DIR.daysAhead}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(series.data ?? []).map((s) => (
              <SeriesRow key={s.seriesKey} s={s} canEdit={canEdit} onSaved={() => void series.reload()} />
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
