import { Divider, Grid, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { OrgInput } from '../../../../shared/api/orgs';
import { ORG_LABELS, VAT_CHOICES } from './strings';

/** The requisites fields of our organisation, bound to a Mantine form whose values hold `org`. */
export function OrgFields<T extends { org: OrgInput }>({ form }: { form: UseFormReturnType<T> }) {
  const kind = form.getValues().org.kind;
  const field = (name: keyof OrgInput) => ({
    label: name === 'ogrn' && kind === 'ip' ? 'ОГРНИП' : ORG_LABELS[name],
    ...form.getInputProps(`org.${name}`),
    'data-field': name,
  });
  return (
    <Stack gap="sm">
      <SegmentedControl
        data={[
          { value: 'legal', label: 'Организация (ООО, АО)' },
          { value: 'ip', label: 'Индивидуальный предприниматель' },
        ]}
        {...form.getInputProps('org.kind')}
      />
      <TextInput {...field('fullName')} placeholder='Общество с ограниченной ответственностью «Ромашка»' withAsterisk />
      <Grid>
        <Grid.Col span={6}>
          <TextInput {...field('shortName')} placeholder="ООО «Ромашка»" withAsterisk />
        </Grid.Col>
        <Grid.Col span={6}>
          <Select {...field('defaultVatRate')} data={VAT_CHOICES} allowDeselect={false} />
        </Grid.Col>
        <Grid.Col span={4}>
          <TextInput {...field('inn')} withAsterisk inputMode="numeric" />
        </Grid.Col>
        <Grid.Col span={4}>
          <TextInput {...field('kpp')} disabled={kind === 'ip'} withAsterisk={kind === 'legal'} />
        </Grid.Col>
        <Grid.Col span={4}>
          <TextInput {...field('ogrn')} withAsterisk inputMode="numeric" />
        </Grid.Col>
      </Grid>
      <TextInput {...field('legalAddress')} withAsterisk />
      <TextInput {...field('postalAddress')} placeholder="Если совпадает с юридическим — можно не заполнять" />
      <Divider label="Банк" labelPosition="left" />
      <Grid>
        <Grid.Col span={4}>
          <TextInput {...field('bik')} withAsterisk inputMode="numeric" />
        </Grid.Col>
        <Grid.Col span={8}>
          <TextInput {...field('bankName')} withAsterisk />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput {...field('corrAccount')} withAsterisk inputMode="numeric" />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput {...field('account')} withAsterisk inputMode="numeric" />
        </Grid.Col>
      </Grid>
      <Divider label="Подписи и контакты" labelPosition="left" />
      <Grid>
        <Grid.Col span={5}>
          <TextInput {...field('directorPosition')} withAsterisk />
        </Grid.Col>
        <Grid.Col span={7}>
          <TextInput {...field('directorName')} withAsterisk placeholder="Иванов Иван Иванович" />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput {...field('accountantName')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput {...field('phone')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput {...field('email')} />
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed">
        ИНН, КПП, ОГРН, БИК и счета проверяются по контрольным суммам; ошибка показывается у поля.
      </Text>
    </Stack>
  );
}
