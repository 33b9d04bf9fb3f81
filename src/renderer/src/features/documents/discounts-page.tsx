import { Button, Card, NumberInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatPercent } from '../../../../core/index';
import type { SessionUser } from '../../../../shared/api/auth';
import type { DiscountLimitDto } from '../../../../shared/api/catalog';
import { DISCOUNT_HEADS } from '../../../../shared/api/document-types';
import { ROLE_TITLES } from '../../../../shared/roles';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { DIR } from './strings';

function LimitRow({ limit, editable }: { limit: DiscountLimitDto; editable: boolean }) {
  const [percent, setPercent] = useState<number>(limit.maxDiscountBp / 100);
  const [conditions, setConditions] = useState(limit.conditions);
  // What the row was filled from, with its version: a save based on it is refused if someone saved since.
  const [filled, setFilled] = useState(limit);
  const typed = percent !== filled.maxDiscountBp / 100 || conditions !== filled.conditions;
  const version = filled.version;
  useEffect(() => {
    // Another person's save refills the row only while nothing is typed here: typing is never lost.
    if (typed) return;
    setPercent(limit.maxDiscountBp / 100);
    setConditions(limit.conditions);
    setFilled(limit);
  }, [limit]);
  const save = async () => {
    const res = await request('discountLimits.save', { role: limit.role, version, maxDiscountBp: Math.round(percent * 100), conditions });
    if (res.error) return showError(res.error);
    setFilled(res.data);
    showSuccess(DIR.limitSaved);
  };
  return (
    <Table.Tr>
      <Table.Td w={220}>{ROLE_TITLES[limit.role]}</Table.Td>
      <Table.Td w={140}>
        <NumberInput size="xs" min={0} max={100} decimalScale={2} value={percent} disabled={!editable} onChange={(v) => setPercent(typeof v === 'number' ? v : 0)} aria-label={`${DIR.maxDiscount}: ${ROLE_TITLES[limit.role]}`} />
      </Table.Td>
      <Table.Td>
        <Textarea size="xs" autosize minRows={1} value={conditions} disabled={!editable} onChange={(e) => setConditions(e.currentTarget.value)} />
      </Table.Td>
      <Table.Td w={120}>
        {editable && (
          <Button size="xs" variant="light" onClick={() => void save()}>
            Сохранить
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function LimitsTable({ rows, editable }: { rows: DiscountLimitDto[]; editable: (l: DiscountLimitDto) => boolean }) {
  return (
    <Card withBorder padding={0}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{DIR.role}</Table.Th>
            <Table.Th>{DIR.maxDiscount}</Table.Th>
            <Table.Th>{DIR.conditions}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((l) => (
            <LimitRow key={l.role} limit={l} editable={editable(l)} />
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function AllLimits({ user }: { user: SessionUser }) {
  const all = useEntry('discountLimits.list', {});
  // The heads' own limits are the director's to set.
  return <LimitsTable rows={all.data ?? []} editable={(l) => user.role === 'director' || !DISCOUNT_HEADS.includes(l.role)} />;
}

function MyLimit() {
  const mine = useEntry('discountLimits.mine', {});
  if (!mine.data) return null;
  return (
    <>
      <Text>
        {DIR.maxDiscount}: <b>{formatPercent(mine.data.maxDiscountBp)}</b>
      </Text>
      <LimitsTable rows={[mine.data]} editable={() => false} />
    </>
  );
}

/** The internal price list: the heads see and edit every role's largest discount; others see only their own. */
export function DiscountsPage({ user }: { user: SessionUser }) {
  return (
    <Stack maw={1000} data-testid="discounts-page">
      <Title order={3}>{DIR.discounts}</Title>
      {DISCOUNT_HEADS.includes(user.role) ? <AllLimits user={user} /> : <MyLimit />}
    </Stack>
  );
}
