import { ConnectOffice } from '../office/connect-office';
import { Alert, Button, Container, Divider, Grid, Group, NumberInput, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { DEFAULT_DISCOUNT_LIMITS_BP, type SetupInput } from '../../../../shared/api/auth';
import { ROLE_TITLES, ROLES } from '../../../../shared/roles';
import { request, showError } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { OrgFields } from '../orgs/org-fields';
import { EMPTY_ORG } from '../orgs/strings';
import { DEMO_PASSWORD } from '../../../../shared/demo';

/** First run: our organisation and the director's sign-in; nothing is saved until every requisite is valid. */
export function SetupPage({ onDone }: { onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<{ login: string; password: string } | null>(null);
  const form = useForm<SetupInput>({
    mode: 'controlled',
    initialValues: { org: EMPTY_ORG, director: { fullName: '', login: 'director', password: '' }, discountLimits: { ...DEFAULT_DISCOUNT_LIMITS_BP } },
  });

  const submit = async (values: SetupInput) => {
    setBusy(true);
    const res = await request('setup.complete', values);
    setBusy(false);
    if (res.error) {
      form.setErrors(fieldErrors(res.error));
      showError(res.error);
      return;
    }
    onDone();
  };

  const fillDemo = async () => {
    setBusy(true);
    const res = await request('setup.demo', {});
    setBusy(false);
    if (res.error) return showError(res.error);
    setDemo(res.data);
  };

  if (demo) {
    return (
      <Container size="sm" py="xl">
        <Paper withBorder p="xl" radius="md">
          <Stack>
            <Title order={2}>Демо-офис создан</Title>
            <Text>
              В базе — ООО «Вектор Плюс», директор, руководитель отдела продаж, три менеджера, офис-менеджер и бухгалтер.
              Вы вошли как директор. У всех сотрудников пароль <b>{demo.password}</b> (логины — в Настройках).
            </Text>
            <Button onClick={onDone}>Перейти к работе</Button>
          </Stack>
        </Paper>
      </Container>
    );
  }

  return (
    <Container size="md" py="xl">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="lg">
          <div>
            <Title order={1}>Добро пожаловать в «Сделку»</Title>
            <Text c="dimmed">Заполните реквизиты вашей организации — они попадут в договоры, счета и акты.</Text>
          </div>
          <Paper withBorder p="lg" radius="md">
            <OrgFields form={form} />
          </Paper>
          <Paper withBorder p="lg" radius="md">
            <Stack gap="sm">
              <Title order={4}>Вход директора</Title>
              <Text size="sm" c="dimmed">
                Директор — первый пользователь программы: он добавляет сотрудников и утверждает приказы.
              </Text>
              <Grid>
                <Grid.Col span={12}>
                  <TextInput label="ФИО директора" withAsterisk {...form.getInputProps('director.fullName')} />
                </Grid.Col>
                <Grid.Col span={6}>
                  <TextInput label="Логин" withAsterisk {...form.getInputProps('director.login')} />
                </Grid.Col>
                <Grid.Col span={6}>
                  <PasswordInput label="Пароль" withAsterisk {...form.getInputProps('director.password')} />
                </Grid.Col>
              </Grid>
            </Stack>
          </Paper>
          <Paper withBorder p="lg" radius="md">
            <Stack gap="sm">
              <Title order={4}>Скидки без согласования</Title>
              <Text size="sm" c="dimmed">
                Наибольшая скидка, которую сотрудник каждой роли даёт сам; скидка больше уходит на согласование руководителю. Лимиты можно поменять позже в
                Справочниках.
              </Text>
              <Grid>
                {ROLES.map((role) => (
                  <Grid.Col span={4} key={role}>
                    <NumberInput
                      label={`${ROLE_TITLES[role]}, %`}
                      min={0}
                      max={100}
                      decimalScale={2}
                      data-field={`limit-${role}`}
                      value={form.getValues().discountLimits[role] / 100}
                      onChange={(v) => form.setFieldValue(`discountLimits.${role}`, Math.round(Number(v) * 100))}
                    />
                  </Grid.Col>
                ))}
              </Grid>
            </Stack>
          </Paper>
          <Alert variant="light" color="gray" title="Кто закрывает месяц">
            Месяц закрывают двое: руководитель отдела продаж и бухгалтер подтверждают сверку. Пока в офисе нет бухгалтера, второе подтверждение даёт
            директор или сотрудник, которого директор назначит (Настройки → Общие → Закрытие месяца).
          </Alert>
          <Group justify="space-between">
            <Button variant="subtle" onClick={fillDemo} loading={busy}>
              Заполнить демо-данными (пароль у всех: {DEMO_PASSWORD})
            </Button>
            <Button type="submit" loading={busy} size="md">
              Сохранить и начать работу
            </Button>
          </Group>
          <Divider />
          <Alert variant="light" color="blue">
            Данные хранятся только на этом компьютере, в файле базы «Сделки».
          </Alert>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              В офисе уже работает «Сделка» на главном компьютере?
            </Text>
            <ConnectOffice />
          </Group>
        </Stack>
      </form>
    </Container>
  );
}
