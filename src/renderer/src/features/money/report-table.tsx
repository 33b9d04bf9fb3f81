import { ActionIcon, Badge, Group, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { Fragment, useState } from 'react';
import { formatDateNumeric, formatMoney, formatPercent } from '../../../../core/index';
import type { CommercialReportDto, ReportManagerDto } from '../../../../shared/api/commercial-report-types';
import { R } from './strings';

const money = (k: number | null) => (k === null ? '—' : formatMoney(k));

function Percent({ bp }: { bp: number | null }) {
  if (bp === null) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600} c={bp >= 10_000 ? 'teal.8' : bp >= 7_000 ? 'yellow.8' : 'red.8'}>
        {formatPercent(bp)}
      </Text>
      <Progress value={Math.min(100, bp / 100)} size="xs" color={bp >= 10_000 ? 'teal' : bp >= 7_000 ? 'yellow' : 'red'} />
    </Stack>
  );
}

function Commission({ kopecks, hint }: { kopecks: number | null; hint: string }) {
  return (
    <Tooltip label={hint} multiline w={320} withArrow>
      <Text size="sm" span style={{ cursor: 'help', borderBottom: '1px dotted var(--mantine-color-gray-5)' }}>
        {money(kopecks)}
      </Text>
    </Tooltip>
  );
}

function Details({ m }: { m: ReportManagerDto }) {
  return (
    <Stack gap="xs" p="sm" data-testid={`report-details-${m.managerId}`}>
      <Text size="sm" fw={600}>
        {R.payments}
      </Text>
      {m.payments.length === 0 && <Text size="sm" c="dimmed">{R.noPayments}</Text>}
      {m.payments.length > 0 && (
        <Table verticalSpacing={2} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{R.date}</Table.Th>
              <Table.Th>{R.client}</Table.Th>
              <Table.Th>№ п/п</Table.Th>
              <Table.Th>{R.invoices}</Table.Th>
              <Table.Th ta="right">{R.received}</Table.Th>
              <Table.Th ta="right">НДС</Table.Th>
              <Table.Th ta="right">{R.fact}</Table.Th>
              <Table.Th ta="right">{R.commission}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.payments.map((p) => (
              <Table.Tr key={p.paymentId}>
                <Table.Td>{formatDateNumeric(p.date)}</Table.Td>
                <Table.Td>{p.clientName}</Table.Td>
                <Table.Td>{p.docNumber}</Table.Td>
                <Table.Td>{p.invoices.join(', ') || '—'}</Table.Td>
                <Table.Td ta="right">{formatMoney(p.grossKopecks)}</Table.Td>
                <Table.Td ta="right">{formatMoney(p.vatKopecks)}</Table.Td>
                <Table.Td ta="right">{formatMoney(p.netKopecks)}</Table.Td>
                <Table.Td ta="right">
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {p.commissionHeld && (
                      <Badge size="xs" color="yellow" variant="light" style={{ textTransform: 'none' }}>
                        {R.heldShort}
                      </Badge>
                    )}
                    <Commission kopecks={p.commissionKopecks} hint={p.commissionHeld ? `${m.commissionNote}; ${R.held}` : m.commissionNote} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm" fw={600}>
        {R.dealsWon}
      </Text>
      {m.deals.length === 0 && <Text size="sm" c="dimmed">{R.noDeals}</Text>}
      {m.deals.map((d) => (
        <Text size="sm" key={d.dealId}>
          {formatDateNumeric(d.closedAt.slice(0, 10))} · {d.clientName} · {d.title} — {formatMoney(d.amountKopecks)} ₽
        </Text>
      ))}
    </Stack>
  );
}

/** The report's table: a line per manager (open it for the payments and deals), the department's line, money no manager owns. */
export function ReportTable({ report }: { report: CommercialReportDto }) {
  const [openId, setOpenId] = useState<number | null>(report.managers.length === 1 ? (report.managers[0]?.managerId ?? null) : null);
  const d = report.department;
  return (
    <Table withTableBorder verticalSpacing={8} data-testid="commercial-report">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{R.manager}</Table.Th>
          <Table.Th ta="right">{R.deals}</Table.Th>
          <Table.Th ta="right">{R.received}</Table.Th>
          <Table.Th ta="right">{R.fact}</Table.Th>
          <Table.Th ta="right">{R.plan}</Table.Th>
          <Table.Th w={150}>{R.percent}</Table.Th>
          <Table.Th ta="right">{R.commission}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.managers.map((m) => (
          <Fragment key={m.managerId}>
            <Table.Tr data-testid={`report-row-${m.managerId}`}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <ActionIcon variant="subtle" size="sm" aria-label={R.details} onClick={() => setOpenId(openId === m.managerId ? null : m.managerId)}>
                    {openId === m.managerId ? '▾' : '▸'}
                  </ActionIcon>
                  <Text size="sm">{m.managerName}</Text>
                </Group>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{m.deals.length}</Text>
                <Text size="xs" c="dimmed">
                  {formatMoney(m.dealsKopecks)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatMoney(m.grossKopecks)}</Table.Td>
              <Table.Td ta="right" fw={600} data-metric="fact">
                {formatMoney(m.factKopecks)}
              </Table.Td>
              <Table.Td ta="right">{m.planKopecks === null ? <Text size="xs" c="dimmed">{R.noPlan}</Text> : formatMoney(m.planKopecks)}</Table.Td>
              <Table.Td data-metric="percent">
                <Percent bp={m.percentBp} />
              </Table.Td>
              <Table.Td ta="right" data-metric="commission">
                <Commission kopecks={m.commissionKopecks} hint={m.commissionNote} />
              </Table.Td>
            </Table.Tr>
            {openId === m.managerId && (
              <Table.Tr>
                <Table.Td colSpan={7} bg="gray.0">
                  <Details m={m} />
                </Table.Td>
              </Table.Tr>
            )}
          </Fragment>
        ))}
        <Table.Tr fw={700} data-testid="report-department">
          <Table.Td>{R.department}</Table.Td>
          <Table.Td ta="right">
            <Text size="sm" fw={700}>
              {d.dealsCount}
            </Text>
            <Text size="xs" c="dimmed">
              {money(d.dealsKopecks)}
            </Text>
          </Table.Td>
          <Table.Td ta="right">{money(d.grossKopecks)}</Table.Td>
          <Table.Td ta="right">{money(d.factKopecks)}</Table.Td>
          <Table.Td ta="right">{money(d.planKopecks)}</Table.Td>
          <Table.Td>
            <Percent bp={d.percentBp} />
          </Table.Td>
          <Table.Td ta="right">
            <Commission kopecks={d.commissionKopecks} hint={report.commission.note} />
          </Table.Td>
        </Table.Tr>
        {report.unassigned.count > 0 && (
          <Table.Tr>
            <Table.Td c="orange.8">{R.unassigned(report.unassigned.count)}</Table.Td>
            <Table.Td />
            <Table.Td ta="right">{formatMoney(report.unassigned.grossKopecks)}</Table.Td>
            <Table.Td ta="right">{formatMoney(report.unassigned.netKopecks)}</Table.Td>
            <Table.Td colSpan={3} />
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
