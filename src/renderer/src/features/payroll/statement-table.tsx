import { Fragment, useState } from 'react';
import { Stack, Table, Text } from '@mantine/core';
import { formatDecimal, formatPercent } from '../../../../core/index';
import type { PayrollLineDto, PayrollStatementDto } from '../../../../shared/api/payroll-types';
import { day, money, monthLabel } from './format';
import { Z } from './strings';

function Explanation({ line }: { line: PayrollLineDto }) {
  return (
    <Stack gap={6} p="xs" data-testid="line-explanation">
      <Table withRowBorders={false} verticalSpacing={2} maw={720}>
        <Table.Tbody>
          {line.explanation.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td c="dimmed" w={320}>
                {e.label}
              </Table.Td>
              <Table.Td fw={['Начислено', 'К выплате'].includes(e.label) ? 600 : undefined}>
                {e.value}
                {e.note && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({e.note})
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {line.held.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {Z.heldPayments}
          </Text>
          {line.held.map((h) => (
            <Text size="sm" key={`${h.paymentId}/${h.heldMonth}`}>
              {Z.heldRow(day(h.paymentDate), h.clientName, money(h.baseKopecks), money(h.commissionKopecks), monthLabel(h.heldMonth), h.releasedMonth ? monthLabel(h.releasedMonth) : null)}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** The statement's lines; a click on a person opens their calculation line by line. */
export function StatementTable({ s }: { s: PayrollStatementDto }) {
  const [open, setOpen] = useState<number | null>(s.lines.length === 1 ? (s.lines[0]?.userId ?? null) : null);
  return (
    <Table.ScrollContainer minWidth={980}>
    <Table withTableBorder highlightOnHover fz="xs" horizontalSpacing="xs" data-testid="statement-table">
      <Table.Thead>
        <Table.Tr>
          {[Z.employee, Z.plan, Z.fact, Z.percent, Z.band, Z.rateK, Z.heldReleased, Z.bonus, Z.accrued, Z.ndflShort, Z.net].map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {s.lines.map((l) => (
          <Fragment key={l.userId}>
            <Table.Tr style={{ cursor: 'pointer' }} onClick={() => setOpen(open === l.userId ? null : l.userId)} data-testid="statement-line">
              <Table.Td fw={500} style={{ whiteSpace: 'nowrap' }}>
                {l.fullName}
              </Table.Td>
              <Table.Td>{money(l.planKopecks)}</Table.Td>
              <Table.Td>{money(l.factKopecks)}</Table.Td>
              {l.problem ? (
                // The commission is not computed, but the salary is paid: its sums stay in the row.
                <Table.Td colSpan={5} c="red.8">
                  {l.problem}
                </Table.Td>
              ) : (
                <>
                  <Table.Td>{l.personalPercent.replace('.', ',')}%</Table.Td>
                  <Table.Td>
                    <Text size="xs">{l.band}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatPercent(l.rateBasisPoints)} × {formatDecimal(l.multiplierBasisPoints, 4)}
                  </Table.Td>
                  <Table.Td>
                    {l.heldKopecks > 0 && <Text c="orange.8" size="xs">{`−${money(l.heldKopecks)}`}</Text>}
                    {l.releasedKopecks > 0 && <Text c="teal.8" size="xs">{`+${money(l.releasedKopecks)}`}</Text>}
                    {l.heldKopecks === 0 && l.releasedKopecks === 0 && '—'}
                  </Table.Td>
                  <Table.Td>{l.bonusKopecks > 0 ? money(l.bonusKopecks) : '—'}</Table.Td>
                </>
              )}
              <Table.Td fw={600}>{money(l.accruedKopecks)}</Table.Td>
              <Table.Td>{money(l.ndflKopecks)}</Table.Td>
              <Table.Td fw={600}>{money(l.netKopecks)}</Table.Td>
            </Table.Tr>
            {open === l.userId && (
              <Table.Tr>
                <Table.Td colSpan={11} bg="gray.0">
                  <Explanation line={l} />
                </Table.Td>
              </Table.Tr>
            )}
          </Fragment>
        ))}
        <Table.Tr>
          <Table.Td fw={700} colSpan={8}>
            {Z.total}
          </Table.Td>
          <Table.Td fw={700}>{money(s.totals.accruedKopecks)}</Table.Td>
          <Table.Td fw={700}>{money(s.totals.ndflKopecks)}</Table.Td>
          <Table.Td fw={700}>{money(s.totals.netKopecks)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
    </Table.ScrollContainer>
  );
}
