import { Button, Card, Group, SegmentedControl, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatMoney } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import type { BoardFilter } from '../../../../shared/api/signing';
import { SIGNING_KIND_LABELS, SIGNING_WRITERS, type BoardResult, type WaitingFor } from '../../../../shared/api/signing-types';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { BoardList } from './board-list';
import { downloadFile } from './download';
import { StepDialog, localToday, type StepValues } from './step-dialog';
import { G } from './strings';
import { DateField } from '../../app/date-fields';
import { LongWriteCount } from '../../app/long-write-count';

const TRACKED_KINDS = ['contract_supply', 'contract_services', 'act_services', 'act_transfer', 'torg12', 'upd', 'reconciliation_act'];

function isWaiting(v: string): v is WaitingFor {
  return v === 'signature' || v === 'original' || v === 'refusal';
}

function clientsOf(board: BoardResult | null, ids: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const m of board?.groups ?? []) for (const c of m.clients) if (c.rows.some((r) => ids.has(r.documentId))) out.add(c.clientId);
  return out;
}

/** Подписи: every document waiting for a signature or an original, the largest money at risk first, with bulk steps, the register and the export. */
export function BoardPage({ user }: { user: SessionUser }) {
  const [filter, setFilter] = useState<Partial<BoardFilter>>({});
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [bulk, setBulk] = useState<'sent' | 'original_received' | null>(null);
  const [exportDate, setExportDate] = useState(localToday());
  const [printing, setPrinting] = useState(false);
  const { data: board } = useEntry('signing.board', filter);
  const people = useEntry('sales.people', {});
  const writer = SIGNING_WRITERS.includes(user.role);
  const set = (patch: Partial<BoardFilter>) => {
    setSelected(new Set());
    setFilter((f) => ({ ...f, ...patch }));
  };
  const toggle = (ids: number[], on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const moveAll = async (to: 'sent' | 'original_received', v: StepValues): Promise<boolean> => {
    const res = await request('signing.transitionMany', { documentIds: [...selected], to, ...v });
    if (res.error) {
      showError(res.error);
      return false;
    }
    showSuccess(G.moved(res.data.moved));
    setSelected(new Set());
    return true;
  };
  const printSelected = async () => {
    setPrinting(true);
    // The order on the board: each client's documents together, the largest money first.
    const order = (board?.groups ?? []).flatMap((m) => m.clients.flatMap((c) => c.rows.map((r) => r.documentId))).filter((id) => selected.has(id));
    const res = await request('documents.printFile', { documentIds: order });
    setPrinting(false);
    if (res.error) return showError(res.error);
    downloadFile({ ...res.data, mime: 'application/pdf' });
  };
  const register = async () => {
    const res = await request('signing.registerPdf', { documentIds: [...selected] });
    if (res.error) return showError(res.error);
    downloadFile(res.data);
  };
  const exportXlsx = async () => {
    const res = await request('signing.exportUnsigned', { date: exportDate });
    if (res.error) return showError(res.error);
    downloadFile(res.data);
  };
  const oneClient = clientsOf(board, selected).size === 1;
  const empty = board && board.count === 0;
  return (
    <Stack>
      <Stack gap={2}>
        <Title order={2}>{G.title}</Title>
        <Text size="sm" c="dimmed">
          {G.subtitle}
        </Text>
      </Stack>
      <Card withBorder padding="sm">
        <Group align="flex-end" gap="sm">
          {user.role !== 'manager' && (
            <Select
              label={G.manager}
              w={220}
              clearable
              placeholder={G.allManagers}
              data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.fullName }))}
              value={filter.managerId ? String(filter.managerId) : null}
              onChange={(v) => set({ managerId: v ? Number(v) : undefined })}
            />
          )}
          <Select
            label={G.kind}
            w={230}
            clearable
            placeholder={G.allKinds}
            data={TRACKED_KINDS.map((k) => ({ value: k, label: SIGNING_KIND_LABELS[k] }))}
            value={filter.kind ?? null}
            onChange={(v) => set({ kind: v ?? undefined })}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {G.waitingFor}
            </Text>
            <SegmentedControl
              value={filter.waitingFor ?? 'all'}
              onChange={(v) => set({ waitingFor: isWaiting(v) ? v : undefined })}
              data={[
                { value: 'all', label: G.everything },
                { value: 'signature', label: G.waiting.signature },
                { value: 'original', label: G.waiting.original },
                { value: 'refusal', label: G.waiting.refusal },
              ]}
            />
          </Stack>
          <Switch label={G.overdueOnly} checked={filter.overdueOnly ?? false} onChange={(e) => set({ overdueOnly: e.currentTarget.checked })} mb={8} data-testid="overdue-only" />
          <Group gap="xs" align="flex-end" ml="auto">
            <DateField label={G.exportDate} w={160} value={exportDate} onChange={(v) => setExportDate(v || exportDate)} />
            <Button variant="light" onClick={() => void exportXlsx()} data-testid="export-unsigned">
              {G.exportXlsx}
            </Button>
          </Group>
        </Group>
      </Card>
      {board && board.count > 0 && (
        <Text fw={500} data-testid="board-totals" c={board.overdue > 0 ? 'red.8' : undefined}>
          {G.totals(board.count, board.overdue, formatMoney(board.riskKopecks))}
        </Text>
      )}
      {selected.size > 0 && (
        <Card withBorder padding="xs" bg="indigo.0" data-testid="bulk-bar">
          <Group gap="sm">
            <Text size="sm" fw={600}>
              {G.selected(selected.size)}
            </Text>
            {writer && (
              <>
                <Button size="xs" onClick={() => setBulk('sent')} data-testid="bulk-sent">
                  {G.markSent}
                </Button>
                <Button size="xs" onClick={() => setBulk('original_received')} data-testid="bulk-received">
                  {G.markReceived}
                </Button>
              </>
            )}
            <Button size="xs" variant="default" disabled={!oneClient} title={oneClient ? undefined : G.registerOneClient} onClick={() => void register()} data-testid="bulk-register">
              {G.register}
            </Button>
            <Button size="xs" variant="default" loading={printing} onClick={() => void printSelected()} data-testid="bulk-print">
              {G.printSelected}
            </Button>
            <LongWriteCount entry="documents.printFile" active={printing} text={G.printCount} />
            <Button size="xs" variant="subtle" onClick={() => setSelected(new Set())}>
              {G.clearSelection}
            </Button>
          </Group>
        </Card>
      )}
      <Card withBorder padding={0}>
        {empty ? (
          <Text c="dimmed" p="md" data-testid="board-empty">
            {Object.values(filter).some((v) => v !== undefined && v !== false) ? G.emptyFiltered : G.empty}
          </Text>
        ) : (
          board && <BoardList board={board} selected={selected} onToggle={toggle} />
        )}
      </Card>
      {bulk && (
        <StepDialog to={bulk} title={`${bulk === 'sent' ? G.bulkSentTitle : G.bulkReceivedTitle} (${selected.size})`} onSubmit={(v) => moveAll(bulk, v)} onClose={() => setBulk(null)} />
      )}
    </Stack>
  );
}
