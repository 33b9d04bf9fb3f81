import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ChangeEvent } from 'react';
import type { PassportDto } from '../../../../shared/api/client-passport';
import { request, showError, showSuccess, useApi } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { S } from './strings';

const EMPTY: PassportDto = { seriesNumber: '', issuedBy: '', issuedOn: null, divisionCode: '', birthDate: null, registrationAddress: '' };

/** A private person's passport data and registration address: a consumer contract identifies them by these. */
export function ClientPassport({ clientId, readOnly }: { clientId: number; readOnly: boolean }) {
  const stored = useApi('clients.passport', { clientId }, [clientId]);
  if (!stored.data) return null;
  return <PassportForm key={clientId} clientId={clientId} readOnly={readOnly} initial={stored.data} />;
}

function PassportForm({ clientId, readOnly, initial }: { clientId: number; readOnly: boolean; initial: PassportDto }) {
  const form = useForm<PassportDto>({ mode: 'controlled', initialValues: { ...EMPTY, ...initial } });
  const submit = async (v: PassportDto) => {
    const res = await request('clients.savePassport', { clientId, passport: v });
    if (res.error) {
      form.setErrors(Object.fromEntries(Object.entries(fieldErrors(res.error)).map(([k, m]) => [k.replace(/^passport\./, ''), m])));
      return showError(res.error);
    }
    showSuccess(S.passport.saved);
  };
  const date = (key: 'issuedOn' | 'birthDate') => ({
    type: 'date',
    value: form.values[key] ?? '',
    error: form.errors[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => form.setFieldValue(key, e.currentTarget.value || null),
  });
  return (
    <Card withBorder mt="md" data-testid="client-passport">
      <form onSubmit={form.onSubmit((v) => void submit(v))}>
        <Stack gap="xs">
          <Text fw={600}>{S.passport.title}</Text>
          <Text size="xs" c="dimmed">
            {S.passport.hint}
          </Text>
          <SimpleGrid cols={3}>
            <TextInput label={S.passport.seriesNumber} placeholder="4510 123456" disabled={readOnly} {...form.getInputProps('seriesNumber')} />
            <TextInput label={S.passport.issuedOn} disabled={readOnly} {...date('issuedOn')} />
            <TextInput label={S.passport.divisionCode} placeholder="770-001" disabled={readOnly} {...form.getInputProps('divisionCode')} />
          </SimpleGrid>
          <TextInput label={S.passport.issuedBy} disabled={readOnly} {...form.getInputProps('issuedBy')} />
          <SimpleGrid cols={3}>
            <TextInput label={S.passport.birthDate} disabled={readOnly} {...date('birthDate')} />
          </SimpleGrid>
          <TextInput label={S.passport.registrationAddress} disabled={readOnly} {...form.getInputProps('registrationAddress')} />
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" variant="light">
                {S.passport.save}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
