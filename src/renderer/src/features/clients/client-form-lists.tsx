import { ActionIcon, Button, Checkbox, Grid, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ClientInput } from '../../../../shared/api/client-types';
import { ACCOUNT_LABELS, S } from './strings';

type Form = UseFormReturnType<{ client: ClientInput }>;

/** Phones or e-mails of the card: value and a short label per line. */
export function ChannelList({ form, list, readOnly }: { form: Form; list: 'phones' | 'emails'; readOnly: boolean }) {
  const items = form.getValues().client[list];
  const path = `client.${list}`;
  return (
    <Stack gap={6}>
      {items.map((_, i) => (
        <Group key={i} gap={6} align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            placeholder={list === 'phones' ? '+7 495 123-45-67' : 'info@company.ru'}
            readOnly={readOnly}
            data-field={`${list}.${i}`}
            {...form.getInputProps(`${path}.${i}.value`)}
          />
          <TextInput w={110} placeholder={S.label} readOnly={readOnly} {...form.getInputProps(`${path}.${i}.label`)} />
          {!readOnly && (
            <ActionIcon variant="subtle" color="gray" mt={4} aria-label={S.remove} onClick={() => form.removeListItem(path, i)}>
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {!readOnly && (
        <Group>
          <Button size="compact-sm" variant="subtle" onClick={() => form.insertListItem(path, { value: '', label: '' })}>
            {list === 'phones' ? S.addPhone : S.addEmail}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The card's bank accounts: БИК, bank, correspondent and settlement accounts (keys checked by the server). */
export function AccountList({ form, readOnly }: { form: Form; readOnly: boolean }) {
  const items = form.getValues().client.accounts;
  return (
    <Stack gap="xs">
      {items.length === 0 && readOnly && (
        <Text size="sm" c="dimmed">
          —
        </Text>
      )}
      {items.map((_, i) => (
        <Paper key={i} withBorder radius="sm" p="xs">
          <Grid gap={6} align="flex-end">
            <Grid.Col span={4}>
              <TextInput label={ACCOUNT_LABELS.bik} readOnly={readOnly} inputMode="numeric" data-field={`accounts.${i}.bik`} {...form.getInputProps(`client.accounts.${i}.bik`)} />
            </Grid.Col>
            <Grid.Col span={8}>
              <TextInput label={ACCOUNT_LABELS.bankName} readOnly={readOnly} {...form.getInputProps(`client.accounts.${i}.bankName`)} />
            </Grid.Col>
            <Grid.Col span={5}>
              <TextInput label={ACCOUNT_LABELS.corrAccount} readOnly={readOnly} inputMode="numeric" {...form.getInputProps(`client.accounts.${i}.corrAccount`)} />
            </Grid.Col>
            <Grid.Col span={5}>
              <TextInput label={ACCOUNT_LABELS.account} readOnly={readOnly} inputMode="numeric" data-field={`accounts.${i}.account`} {...form.getInputProps(`client.accounts.${i}.account`)} />
            </Grid.Col>
            <Grid.Col span={2}>
              <Group gap={6} wrap="nowrap" pb={8} justify="flex-end">
                <Checkbox size="xs" label={S.primary} disabled={readOnly} {...form.getInputProps(`client.accounts.${i}.isPrimary`, { type: 'checkbox' })} />
                {!readOnly && (
                  <ActionIcon variant="subtle" color="gray" aria-label={S.remove} onClick={() => form.removeListItem('client.accounts', i)}>
                    ×
                  </ActionIcon>
                )}
              </Group>
            </Grid.Col>
          </Grid>
        </Paper>
      ))}
      {!readOnly && (
        <Group>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => form.insertListItem('client.accounts', { bik: '', bankName: '', corrAccount: '', account: '', isPrimary: items.length === 0 })}
          >
            {S.addAccount}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
