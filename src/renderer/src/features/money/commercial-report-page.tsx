import { ActionIcon, Alert, Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { request, showError, useEntry } from '../../api/call';
import { downloadBase64, monthOptions, shiftMonth, thisMonth } from './months';
import { MonthClosePanel } from './month-close-panel';
import { ReportTable } from './report-table';
import { R } from './strings';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Отчёты → Коммерческий отчёт: a month's deals and payments per manager, plan and fulfilment, commission, XLSX, and the month's close. */
export function CommercialReportPage({ user }: { user: SessionUser }) {
  const [month, setMonth] = useState(thisMonth());
  const { data } = useEntry('commercialReport.get', { month });
  const exportXlsx = async () => {
    const res = await request('commercialReport.export', { month });
    if (res.error) return showError(res.error);
    downloadBase64(res.data.fileName, res.data.base64, XLSX);
  };
  return (
    <Stack>
      <Title order={3}>{R.title}</Title>
      <Text size="sm" c="dimmed">
        {R.intro}
      </Text>
      <Group align="flex-end" gap="sm">
        <ActionIcon variant="default" size="lg" aria-label={R.prev} onClick={() => setMonth(shiftMonth(month, -1))}>
          ‹
        </ActionIcon>
        <Select label={R.month} data={monthOptions(36, thisMonth())} value={month} onChange={(m) => setMonth(m ?? month)} allowDeselect={false} w={200} data-testid="report-month" />
        <ActionIcon variant="default" size="lg" aria-label={R.next} onClick={() => setMonth(shiftMonth(month, 1))}>
          ›
        </ActionIcon>
        <Button variant="light" onClick={() => void exportXlsx()}>
          {R.export}
        </Button>
        {data && (
          <Badge color={data.closed ? 'teal' : data.live ? 'blue' : 'gray'} variant="light" size="lg" style={{ textTransform: 'none' }} data-testid="report-state">
            {data.closed ? R.closed : data.live ? R.live : R.open}
          </Badge>
        )}
      </Group>
      {data && <ReportTable report={data} />}
      {data && !data.commission.available && (
        <Alert color="gray" variant="light">
          {data.commission.note}
        </Alert>
      )}
      {data && data.commission.available && (
        <Text size="xs" c="dimmed">
          {data.commission.note}
        </Text>
      )}
      {user.role !== 'manager' && <MonthClosePanel key={month} month={month} />}
    </Stack>
  );
}
