import { Alert, Anchor, Badge, Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { PAYROLL_CALCULATORS } from '../../../../shared/api/payroll';
import type { PayrollFileDto, PayrollStatementDto } from '../../../../shared/api/payroll-types';
import { call, showSuccess, useEntry } from '../../api/call';
import { navigate } from '../../app/router';
import { day, downloadBase64, money, monthLabel, XLSX } from './format';
import { PdfPreview } from './pdf-preview';
import { StatementTable } from './statement-table';
import { Z } from './strings';

const STATUS = { none: { label: Z.statementNone, color: 'gray' }, draft: { label: Z.statementDraft, color: 'yellow' }, approved: { label: Z.statementApproved, color: 'teal' } };

function MonthStatement({ user, month }: { user: SessionUser; month: string }) {
  const [s, setS] = useState<PayrollStatementDto | null>(null);
  const [pdf, setPdf] = useState<PayrollFileDto | null>(null);
  useEffect(() => {
    setPdf(null);
    void call('payroll.statements.get', { month }).then(setS);
  }, [month]);
  if (!s) return <Loader />;
  const run = async (name: 'payroll.statements.compute' | 'payroll.statements.approve', message: string) => {
    const next = await call(name, { month });
    if (next) {
      showSuccess(message);
      setS(next);
      setPdf(null);
    }
  };
  const xlsx = async () => {
    const f = await call('payroll.statements.xlsx', { month });
    if (f) downloadBase64(f.fileName, f.base64, XLSX);
  };
  return (
    <Stack data-testid="month-statement">
      <Group justify="space-between">
        <Title order={3}>
          {Z.statements}: {monthLabel(month)}
        </Title>
        {s.statement && (
          <Badge size="lg" color={STATUS[s.statement.status].color} data-testid="statement-status">
            {STATUS[s.statement.status].label}
          </Badge>
        )}
      </Group>
      {!s.monthClosed && <Alert color="yellow">{Z.openMonth}</Alert>}
      {s.approvalBlockers.length > 0 && (
        <Alert color="orange" title={Z.approvalBlocked} data-testid="approval-blockers">
          <Stack gap={4}>
            {s.approvalBlockers.map((b) => (
              <Text size="sm" key={b.userId}>
                {b.fullName} — {b.problem}.{' '}
                <Anchor href={`#${b.fixPath}`}>{b.fixLabel}</Anchor>
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Group gap="xs">
        {s.canCompute && (
          <Button variant={s.statement ? 'light' : 'filled'} onClick={() => void run('payroll.statements.compute', Z.computed)}>
            {s.statement ? Z.recompute : Z.compute}
          </Button>
        )}
        {s.canApprove && (
          <Button color="teal" onClick={() => void run('payroll.statements.approve', Z.statementApprovedMsg)}>
            {Z.approveStatement}
          </Button>
        )}
        {s.statement && (
          <Button variant="default" onClick={() => void call('payroll.statements.pdf', { month }).then(setPdf)}>
            {Z.pdf}
          </Button>
        )}
        {s.statement && PAYROLL_CALCULATORS.includes(user.role) && (
          <Button variant="default" onClick={() => void xlsx()}>
            {Z.xlsx}
          </Button>
        )}
      </Group>
      {s.statement && (
        <Text size="sm" c="dimmed">
          {Z.computedBy(s.statement.computedByName ?? '—', day(s.statement.computedAt))}
          {s.statement.approvedAt ? ` · ${Z.statementApprovedBy(s.statement.approvedByName ?? '—', day(s.statement.approvedAt))}` : ''}
        </Text>
      )}
      {pdf && <PdfPreview file={pdf} testId="statement-pdf" onClose={() => setPdf(null)} />}
      {s.statement ? <StatementTable s={s} /> : <Alert color="gray">{Z.notComputed}</Alert>}
    </Stack>
  );
}

/** Ведомости: a month picked from the list (with its state), and that month's statement. */
export function StatementsPage({ user, month }: { user: SessionUser; month: string | undefined }) {
  const { data } = useEntry('payroll.statements.list', {});
  const months = data ?? [];
  const active = month ?? months.find((m) => m.status !== 'none')?.month ?? months.find((m) => m.closed)?.month;
  const label = (m: (typeof months)[number]) =>
    `${monthLabel(m.month)} — ${m.closed ? Z.monthClosed : Z.monthOpen}, ${STATUS[m.status].label}${m.status !== 'none' ? `, ${money(m.accruedKopecks)}` : ''}`;
  return (
    <Stack>
      <Select
        label={Z.month}
        w={460}
        data-testid="month-select"
        allowDeselect={false}
        data={months.map((m) => ({ value: m.month, label: label(m) }))}
        value={active ?? null}
        onChange={(v) => v && navigate(`/payroll/statements/${v}`)}
      />
      {active ? <MonthStatement user={user} month={active} /> : <Loader />}
    </Stack>
  );
}
