import { Autocomplete, Button, Divider, Grid, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState, type ReactNode } from 'react';
import type { ClientInput, ClientSource } from '../../../../shared/api/client-types';
import type { ApiError } from '../../../../shared/errors';
import { showError } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { CARD_SCHEMA } from './card-schema';
import { AccountList, ChannelList } from './client-form-lists';
import { FIELD_LABELS, S } from './strings';

/** What the form's selects suggest. */
export interface ClientFacets {
  segments: string[];
  regions: string[];
  sources: ClientSource[];
}

type Field = keyof typeof FIELD_LABELS;

/**
 * The client card's requisites: who it is, names, ИНН/КПП/ОГРН, addresses, phones, e-mails and
 * bank accounts. The server checks them; each wrong field shows its Russian error beside it.
 */
export function ClientForm({
  initial,
  facets,
  readOnly,
  submitLabel,
  onSave,
  extra,
}: {
  initial: ClientInput;
  facets: ClientFacets | null;
  readOnly: boolean;
  submitLabel: string;
  /** Saves; resolves to the error (its fields are placed beside the inputs) or null. */
  onSave: (client: ClientInput) => Promise<ApiError | null>;
  extra?: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const form = useForm<{ client: ClientInput }>({ mode: 'controlled', initialValues: { client: initial }, validate: zod4Resolver(CARD_SCHEMA) });
  const kind = form.getValues().client.kind;
  const field = (name: Field) => ({
    label: name === 'ogrn' && kind === 'ip' ? 'ОГРНИП' : FIELD_LABELS[name],
    readOnly,
    'data-field': name,
    ...form.getInputProps(`client.${name}`),
  });
  const submit = async (values: { client: ClientInput }) => {
    setBusy(true);
    const error = await onSave(values.client);
    setBusy(false);
    if (error) {
      form.setErrors(fieldErrors(error));
      showError(error);
    } else {
      form.resetDirty();
    }
  };
  const sources = (facets?.sources ?? []).filter((s) => s.active || s.id === form.getValues().client.sourceId);
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="sm">
        <SegmentedControl data={S.kindChoices} disabled={readOnly} {...form.getInputProps('client.kind')} style={{ alignSelf: 'flex-start' }} />
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TextInput {...field('shortName')} withAsterisk placeholder={kind === 'ip' ? 'ИП Иванов И. И.' : 'ООО «Ромашка»'} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <TextInput {...field('fullName')} placeholder="Если не указать — как наименование" />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput {...field('inn')} inputMode="numeric" placeholder={kind === 'legal' ? '10 цифр' : '12 цифр'} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput {...field('kpp')} disabled={kind !== 'legal'} inputMode="numeric" />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput {...field('ogrn')} disabled={kind === 'person'} inputMode="numeric" />
          </Grid.Col>
        </Grid>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Autocomplete {...field('region')} data={facets?.regions ?? []} />
          <Autocomplete {...field('segment')} data={facets?.segments ?? []} />
          <Select
            label={FIELD_LABELS.sourceId}
            readOnly={readOnly}
            clearable
            data={sources.map((s) => ({ value: String(s.id), label: s.name }))}
            value={form.getValues().client.sourceId === null ? null : String(form.getValues().client.sourceId)}
            onChange={(v) => form.setFieldValue('client.sourceId', v ? Number(v) : null)}
            error={form.errors['client.sourceId']}
          />
          <TextInput {...field('website')} placeholder="company.ru" />
        </SimpleGrid>
        <TextInput {...field('legalAddress')} />
        <SimpleGrid cols={2}>
          <TextInput {...field('postalAddress')} />
          <TextInput {...field('actualAddress')} />
        </SimpleGrid>
        <Divider label={S.sections.channels} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ChannelList form={form} list="phones" readOnly={readOnly} />
          <ChannelList form={form} list="emails" readOnly={readOnly} />
        </SimpleGrid>
        <Divider label={S.sections.bank} labelPosition="left" />
        <AccountList form={form} readOnly={readOnly} />
        <Textarea {...field('comment')} autosize minRows={2} maxRows={6} />
        {extra}
        {readOnly ? (
          <Text size="sm" c="dimmed">
            {S.readOnly}
          </Text>
        ) : (
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
