import { Button, Card, Group, Menu, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AnswerValue, ClientCard, QuestionnaireAnswer, QuestionnaireForm } from '../../../../shared/api/client-types';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { answerText, QuestionnaireFields } from './questionnaire-fields';
import { S } from './strings';
import { day } from './when';
import { DateField } from '../../app/date-fields';

interface Editing {
  id: number | null;
  form: Pick<QuestionnaireForm, 'id' | 'title' | 'fields'>;
  filledOn: string;
  answers: Record<string, AnswerValue>;
  /** The version the answers were opened on (none for new ones). */
  version?: number;
}

/** The dossier's questionnaires: анкета клиента, техпаспорт объекта… filled per client and dated. */
export function QuestionnairesPanel({ card }: { card: ClientCard }) {
  const forms = useEntry('clients.forms', {});
  const answers = useEntry('clients.answers', { clientId: card.id });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  const start = (f: QuestionnaireForm) => {
    setErrors({});
    setEditing({ id: null, form: f, filledOn: today, answers: {} });
  };
  const open = (a: QuestionnaireAnswer) => {
    setErrors({});
    setEditing({ id: a.id, version: a.version, form: { id: a.formId, title: a.title, fields: a.fields }, filledOn: a.filledOn, answers: a.answers });
  };
  const save = async () => {
    if (!editing) return;
    setBusy(true);
    const res = await request('clients.saveAnswer', { clientId: card.id, id: editing.id, version: editing.version, formId: editing.form.id, filledOn: editing.filledOn, answers: editing.answers });
    setBusy(false);
    if (res.error) {
      setErrors(fieldErrors(res.error));
      return showError(res.error);
    }
    showSuccess(S.saved);
    setEditing(null);
  };
  return (
    <Stack>
      {card.canEdit && (
        <Group>
          <Menu>
            <Menu.Target>
              <Button variant="light">{S.dossier.fill}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              {(forms.data ?? []).map((f) => (
                <Menu.Item key={f.id} onClick={() => start(f)}>
                  {f.title}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
      {answers.data && answers.data.length === 0 && <Text c="dimmed">{S.dossier.empty}</Text>}
      {(answers.data ?? []).map((a) => (
        <Card key={a.id} withBorder radius="md" p="sm" data-testid="answer-card">
          <Group justify="space-between" mb="xs">
            <Title order={5}>
              {a.title} <Text span c="dimmed" size="sm">от {day(a.filledOn)}{a.userName ? `, ${a.userName}` : ''}</Text>
            </Title>
            <Button size="xs" variant="subtle" onClick={() => open(a)}>
              {S.dossier.edit}
            </Button>
          </Group>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {a.fields.map((f) => (
                <Table.Tr key={f.key}>
                  <Table.Td w="45%" c="dimmed" fz="sm">
                    {f.label}
                  </Table.Td>
                  <Table.Td fz="sm">{answerText(f, a.answers[f.key], S.dossier.yes, S.dossier.no)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.form.title} size="lg">
        {editing && (
          <Stack>
            <DateField
              label={S.dossier.filledOn}
              value={editing.filledOn}
              onChange={(v) => setEditing({ ...editing, filledOn: v })}
              error={errors.filledOn}
              w={200}
            />
            <QuestionnaireFields
              fields={editing.form.fields}
              values={editing.answers}
              errors={errors}
              onChange={(key, value) => setEditing({ ...editing, answers: { ...editing.answers, [key]: value } })}
            />
            {card.canEdit && (
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(null)}>
                  {S.cancel}
                </Button>
                <Button loading={busy} onClick={() => void save()}>
                  {S.save}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
