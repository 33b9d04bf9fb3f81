import { Card, Checkbox, Group, MultiSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { PayrollPerson } from '../../../../shared/api/payroll-types';
import { ROLE_TITLES, ROLES, type Role } from '../../../../shared/roles';
import { MonthSelect } from './month-select';
import type { OrderForm } from './order-form';
import { SchemeEditor } from './scheme-editor';
import { Z } from './strings';

function isRole(v: string): v is Role {
  return ROLES.some((r) => r === v);
}

/** The order's terms: title, validity in months, who it covers, the scheme, the «held until signed» condition, free text. */
export function OrderEditor({ value, onChange, people, readOnly }: { value: OrderForm; onChange: (v: OrderForm) => void; people: PayrollPerson[]; readOnly: boolean }) {
  const set = (patch: Partial<OrderForm>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="md" data-testid="order-editor">
      <Card withBorder>
        <Stack gap="sm">
          <TextInput label={Z.orderTitle} value={value.title} readOnly={readOnly} data-field="title" onChange={(e) => set({ title: e.currentTarget.value })} />
          <SimpleGrid cols={2}>
            <MonthSelect label={Z.validFrom} value={value.fromMonth} readOnly={readOnly} field="fromMonth" onChange={(fromMonth) => set({ fromMonth })} />
            <MonthSelect label={Z.validTo} value={value.toMonth} readOnly={readOnly} clearable field="toMonth" onChange={(toMonth) => set({ toMonth })} />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <MultiSelect
              label={Z.roles}
              readOnly={readOnly}
              data={ROLES.map((r) => ({ value: r, label: ROLE_TITLES[r] }))}
              value={value.roles}
              onChange={(v) => set({ roles: v.filter(isRole) })}
            />
            <MultiSelect
              label={Z.people}
              readOnly={readOnly}
              searchable
              data={people.filter((p) => p.active || value.userIds.includes(String(p.id))).map((p) => ({ value: String(p.id), label: `${p.fullName} (${ROLE_TITLES[p.role]})` }))}
              value={value.userIds}
              onChange={(v) => set({ userIds: v })}
            />
          </SimpleGrid>
        </Stack>
      </Card>
      <Card withBorder>
        <SchemeEditor value={value.scheme} readOnly={readOnly} onChange={(scheme) => set({ scheme })} />
      </Card>
      <Card withBorder>
        <Stack gap="sm">
          <Group align="flex-end">
            <Checkbox
              label={Z.holdUnsigned}
              checked={value.holdUnsigned}
              disabled={readOnly}
              data-testid="hold-unsigned"
              onChange={(e) => set({ holdUnsigned: e.currentTarget.checked })}
            />
          </Group>
          {value.holdUnsigned && (
            <TextInput label={Z.holdGrace} value={value.holdGraceDays} readOnly={readOnly} w={220} onChange={(e) => set({ holdGraceDays: e.currentTarget.value })} />
          )}
          <Textarea label={Z.conditions} value={value.conditions} readOnly={readOnly} autosize minRows={2} onChange={(e) => set({ conditions: e.currentTarget.value })} />
        </Stack>
      </Card>
    </Stack>
  );
}
