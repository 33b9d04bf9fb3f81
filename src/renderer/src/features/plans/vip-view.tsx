import { Badge, Button, Card, Checkbox, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateNumeric } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import { SALES_HEADS } from '../../../../shared/api/sales';
import type { VipDueRow, VipDueStatus } from '../../../../shared/api/vip-types';
import { useEntry } from '../../api/call';
import { Q } from './strings';
import { VipTiers } from './vip-tiers';
import { VipVisitForm } from './vip-visit-form';

const STATUS: Record<VipDueStatus, { label: string; color: string }> = {
  overdue: { label: Q.overdue, color: 'red' },
  due: { label: Q.due, color: 'orange' },
  later: { label: Q.later, color: 'gray' },
};

/** The schedule's rows: client, manager, tier, last visit, due date, and the visit button for the client's manager. */
export function VipScheduleTable({ rows, canVisit, onVisit, compact = false }: { rows: VipDueRow[]; canVisit: (r: VipDueRow) => boolean; onVisit?: (r: VipDueRow) => void; compact?: boolean }) {
  return (
    <Table striped data-testid="vip-schedule">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={compact ? 110 : 200}>{Q.dueOn}</Table.Th>
          <Table.Th>{Q.client}</Table.Th>
          <Table.Th>{Q.responsible}</Table.Th>
          {!compact && <Table.Th>{Q.tier}</Table.Th>}
          {!compact && <Table.Th>{Q.lastVisit}</Table.Th>}
          {onVisit && <Table.Th />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.clientId}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {compact ? (
                <Text size="sm" c={STATUS[r.status].color}>
                  {formatDateNumeric(r.dueOn)}
                </Text>
              ) : (
                <Group gap={6} wrap="nowrap">
                  <Badge size="sm" variant="light" color={STATUS[r.status].color} styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }}>
                    {STATUS[r.status].label}
                  </Badge>
                  {formatDateNumeric(r.dueOn)}
                </Group>
              )}
            </Table.Td>
            <Table.Td>{r.clientName}</Table.Td>
            <Table.Td>{r.managerName ?? '—'}</Table.Td>
            {!compact && <Table.Td>{r.tierName}</Table.Td>}
            {!compact && <Table.Td>{r.lastVisitOn ? formatDateNumeric(r.lastVisitOn) : '—'}</Table.Td>}
            {onVisit && (
              <Table.Td>
                {canVisit(r) && (
                  <Button size="xs" variant="light" onClick={() => onVisit(r)}>
                    {Q.visit}
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** VIP-программа: visits due and overdue per manager, the visit form, the latest visits and (for the heads) the tiers. */
export function VipView({ user }: { user: SessionUser }) {
  const [includeLater, setIncludeLater] = useState(false);
  const [visiting, setVisiting] = useState<VipDueRow | null>(null);
  const setup = useEntry('vip.setup', {});
  const schedule = useEntry('vip.schedule', { includeLater });
  const visits = useEntry('vip.visits', {});
  const head = SALES_HEADS.includes(user.role);
  const canVisit = (r: VipDueRow) => head || r.managerId === user.id;
  return (
    <Stack>
      {schedule.data && (
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {schedule.data.managers.map((m) => (
            <Card key={m.managerId ?? 0} withBorder radius="md" padding="sm">
              <Text fw={600} size="sm">
                {m.managerName ?? '—'}
              </Text>
              <Group gap="xs">
                <Badge color="red" variant="light">
                  {Q.overdueCount}: {m.overdue}
                </Badge>
                <Badge color="orange" variant="light">
                  {Q.due}: {m.due}
                </Badge>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Card withBorder radius="md">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{Q.vipSchedule}</Text>
          <Checkbox label={Q.showAll} checked={includeLater} onChange={(e) => setIncludeLater(e.currentTarget.checked)} />
        </Group>
        {schedule.data && schedule.data.rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {Q.noVip}
          </Text>
        ) : (
          <VipScheduleTable rows={schedule.data?.rows ?? []} canVisit={canVisit} onVisit={setVisiting} />
        )}
      </Card>
      <Card withBorder radius="md">
        <Text fw={600} mb="sm">
          {Q.visits}
        </Text>
        {(visits.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {Q.noVisits}
          </Text>
        ) : (
          <Table striped>
            <Table.Tbody>
              {(visits.data ?? []).slice(0, 20).map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td w={110}>{formatDateNumeric(v.visitedOn)}</Table.Td>
                  <Table.Td>{v.clientName}</Table.Td>
                  <Table.Td>{v.managerName}</Table.Td>
                  <Table.Td>
                    {[v.problems && `${Q.problems}: ${v.problems}`, v.testimonial && `${Q.testimonial}: «${v.testimonial}»`].filter(Boolean).join(' · ')}
                    {v.referrals.length > 0 && (
                      <Text size="xs" c="teal">
                        {Q.referrals}: {v.referrals.map((r) => r.newClientName).join(', ')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {head && setup.data && <VipTiers tiers={setup.data.tiers} />}
      {visiting && (
        <VipVisitForm
          row={visiting}
          form={setup.data?.form ?? null}
          onClose={() => setVisiting(null)}
          onSaved={() => {
            setVisiting(null);
          }}
        />
      )}
    </Stack>
  );
}
