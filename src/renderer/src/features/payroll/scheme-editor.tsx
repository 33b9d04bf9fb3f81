import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { SCHEME_A_EXAMPLE, SCHEME_B_EXAMPLE } from '../../../../core/index';
import { BandTable } from './band-table';
import { schemeToForm, type SchemeForm } from './order-form';
import { Z } from './strings';

/** The pay scheme: salary, base, how the rate applies, the three band tables, the threshold and НДФЛ. */
export function SchemeEditor({ value, onChange, readOnly }: { value: SchemeForm; onChange: (v: SchemeForm) => void; readOnly: boolean }) {
  const set = (patch: Partial<SchemeForm>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={4}>{Z.scheme}</Title>
        {!readOnly && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => onChange(schemeToForm(SCHEME_A_EXAMPLE))}>
              {Z.fillA}
            </Button>
            <Button size="xs" variant="light" onClick={() => onChange(schemeToForm(SCHEME_B_EXAMPLE))}>
              {Z.fillB}
            </Button>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={3}>
        <TextInput label={Z.salary} value={value.salary} readOnly={readOnly} data-field="salary" onChange={(e) => set({ salary: e.currentTarget.value })} />
        <Select
          label={Z.base}
          value={value.base}
          readOnly={readOnly}
          allowDeselect={false}
          data={[
            { value: 'revenue_net', label: Z.baseRevenue },
            { value: 'gross_margin', label: Z.baseMargin },
          ]}
          onChange={(v) => set({ base: v === 'gross_margin' ? 'gross_margin' : 'revenue_net' })}
        />
        <TextInput label={Z.ndfl} value={value.ndfl} readOnly={readOnly} onChange={(e) => set({ ndfl: e.currentTarget.value })} />
      </SimpleGrid>
      <Stack gap={4}>
        <SegmentedControl
          value={value.rateMode}
          readOnly={readOnly}
          onChange={(v) => set({ rateMode: v === 'progressive' ? 'progressive' : 'whole' })}
          data={[
            { value: 'whole', label: Z.rateWhole },
            { value: 'progressive', label: Z.rateProgressive },
          ]}
        />
      </Stack>
      <BandTable title={Z.rateBands} valueLabel={Z.ratePercent} rows={value.rates} readOnly={readOnly} testId="rate-bands" onChange={(rates) => set({ rates })} />
      <TextInput label={Z.minPersonal} value={value.minPersonal} readOnly={readOnly} maw={520} onChange={(e) => set({ minPersonal: e.currentTarget.value })} />
      <BandTable title={Z.multiplierBands} valueLabel={Z.multiplier} rows={value.ks} readOnly={readOnly} testId="k-bands" onChange={(ks) => set({ ks })} />
      <BandTable title={Z.bonusBands} valueLabel={Z.bonusAmount} rows={value.bonuses} readOnly={readOnly} testId="bonus-bands" onChange={(bonuses) => set({ bonuses })} />
    </Stack>
  );
}
