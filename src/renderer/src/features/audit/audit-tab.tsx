import { Alert, Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditVerification } from '../../../../shared/api/audit';
import type { AuditEntryDto } from '../../../../shared/api/system';
import { call, useEntry } from '../../api/call';
import { AuditChanges } from './audit-changes';
import { AUDIT_TEXT, ENTITY_LABELS } from './strings';
import { DateField } from '../../app/date-fields';

const PAGE = 100;

interface Filters {
  person: string | null;
  entity: string | null;
  entityId: string;
  from: string;
  to: string;
}

function query(f: Filters, beforeId?: number) {
  return {
    limit: PAGE,
    beforeId,
    entity: f.entity ?? undefined,
    entityId: f.entityId.trim() || undefined,
    userId: f.person && f.person !== 'system' ? Number(f.person) : undefined,
    system: f.person === 'system' ? true : undefined,
    from: f.from || undefined,
    to: f.to || undefined,
  };
}

function VerifyChain() {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setResult(await call('audit.verify', {}));
    setBusy(false);
  };
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="light" loading={busy} onClick={() => void verify()}>
          {AUDIT_TEXT.verify}
        </Button>
      </Group>
      {result && (
        <Alert color={result.ok ? 'teal' : 'red'} data-testid="audit-verify-result">
          {result.ok || result.firstBadId === null ? AUDIT_TEXT.chainOk(result.entries) : AUDIT_TEXT.chainBroken(result.firstBadId)}
        </Alert>
      )}
    </Stack>
  );
}

/** Настройки → Журнал изменений (director): a read-only table with filters and the chain check. */
export function AuditTab() {
  const { data: choices } = useEntry('audit.filters', {});
  const [filters, setFilters] = useState<Filters>({ person: null, entity: null, entityId: '', from: '', to: '' });
  // The journal is a query of the cache like any list: every write anyone makes adds its line here.
  const journal = useInfiniteQuery({
    queryKey: ['audit.list', query(filters)],
    queryFn: async ({ pageParam }) => (await call('audit.list', query(filters, pageParam)))?.entries ?? [],
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last: AuditEntryDto[]) => (last.length === PAGE ? last.at(-1)?.id : undefined),
  });
  const entries = journal.data?.pages.flat() ?? [];
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const people = [
    { value: 'system', label: AUDIT_TEXT.system },
    ...(choices?.people ?? []).flatMap((p) => (p.userId === null ? [] : [{ value: String(p.userId), label: p.userName }])),
  ];
  const entities = (choices?.entities ?? []).map((e) => ({ value: e, label: ENTITY_LABELS[e] ?? e }));
  return (
    <Stack>
      <Text size="sm" maw={760}>
        {AUDIT_TEXT.intro}
      </Text>
      <VerifyChain />
      <Group align="flex-end" gap="sm">
        <Select label={AUDIT_TEXT.person} placeholder={AUDIT_TEXT.everyone} data={people} value={filters.person} onChange={(v) => set({ person: v })} clearable w={240} />
        <Select label={AUDIT_TEXT.entity} placeholder={AUDIT_TEXT.anyEntity} data={entities} value={filters.entity} onChange={(v) => set({ entity: v })} clearable w={200} />
        <TextInput label={AUDIT_TEXT.entityId} value={filters.entityId} onChange={(e) => set({ entityId: e.currentTarget.value })} w={130} />
        <DateField label={AUDIT_TEXT.from} value={filters.from} onChange={(v) => set({ from: v })} w={160} />
        <DateField label={AUDIT_TEXT.to} value={filters.to} onChange={(v) => set({ to: v })} w={160} />
      </Group>
      {entries.length === 0 ? (
        <Text c="dimmed">{AUDIT_TEXT.empty}</Text>
      ) : (
        <Table striped withTableBorder verticalSpacing="xs" data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{AUDIT_TEXT.columns.at}</Table.Th>
              <Table.Th w={420}>{AUDIT_TEXT.columns.what}</Table.Th>
              <Table.Th>{AUDIT_TEXT.columns.changes}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Text size="sm">{e.atLocal}</Text>
                  <Text size="xs" c="dimmed">
                    № {e.id}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {e.link === null ? (
                    <Text size="sm">{e.sentence}</Text>
                  ) : (
                    <Anchor size="sm" href={`#${e.link}`}>
                      {e.sentence}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  <AuditChanges changes={e.changes} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {journal.hasNextPage && (
        <Group>
          <Button variant="default" loading={journal.isFetchingNextPage} onClick={() => void journal.fetchNextPage()}>
            {AUDIT_TEXT.more}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
