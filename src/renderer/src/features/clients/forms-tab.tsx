import { ActionIcon, Badge, Button, Card, Checkbox, Group, Modal, Select, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FIELD_TYPES, FORM_KINDS, type FormField, type QuestionnaireForm } from '../../../../shared/api/client-types';
import { request, showError, showSuccess, useEntry } from '../../api/call';
import { fieldErrors } from '../../api/field-errors';
import { DIR, S } from './strings';

type Draft = Omit<QuestionnaireForm, 'id'> & { id: number | null };

const EMPTY: Draft = { id: null, kind: 'other', title: '', fields: [{ key: 'q1', label: '', type: 'text', options: [], required: false }], active: true };

function FormEditor({ draft, onClose }: { draft: Draft; onClose: (saved: boolean) => void }) {
  const [d, setD] = useState<Draft>(draft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const setField = (i: number, patch: Partial<FormField>) => setD({ ...d, fields: d.fields.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  const save = async () => {
    const res = await request('clients.saveForm', d);
    if (res.error) {
      setErrors(fieldErrors(res.error));
      return showError(res.error);
    }
    showSuccess(DIR.saved);
    onClose(true);
  };
  return (
    <Stack>
      <Group grow>
        <TextInput label={DIR.formTitle} value={d.title} onChange={(e) => setD({ ...d, title: e.currentTarget.value })} error={errors.title} withAsterisk />
        <Select label={DIR.formKind} data={FORM_KINDS.map((k) => ({ value: k, label: DIR.formKinds[k] }))} value={d.kind} allowDeselect={false} onChange={(v) => setD({ ...d, kind: FORM_KINDS.find((k) => k === v) ?? 'other' })} />
      </Group>
      <Text fw={600} size="sm">
        {DIR.fields}
      </Text>
      {d.fields.map((f, i) => (
        <Card key={i} withBorder p="xs">
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput size="xs" w={110} label={DIR.fieldKey} value={f.key} onChange={(e) => setField(i, { key: e.currentTarget.value })} error={errors[`fields.${i}.key`]} />
            <TextInput size="xs" style={{ flex: 1 }} label={DIR.fieldLabel} value={f.label} onChange={(e) => setField(i, { label: e.currentTarget.value })} error={errors[`fields.${i}.label`]} />
            <Select size="xs" w={150} label={DIR.fieldType} allowDeselect={false} data={FIELD_TYPES.map((t) => ({ value: t, label: DIR.fieldTypes[t] }))} value={f.type} onChange={(v) => setField(i, { type: FIELD_TYPES.find((t) => t === v) ?? 'text' })} />
            <Checkbox size="xs" mt={28} label={DIR.required} checked={f.required} onChange={(e) => setField(i, { required: e.currentTarget.checked })} />
            <ActionIcon variant="subtle" color="gray" mt={24} aria-label={S.remove} onClick={() => setD({ ...d, fields: d.fields.filter((_, j) => j !== i) })}>
              ×
            </ActionIcon>
          </Group>
          {f.type === 'select' && (
            <TagsInput size="xs" mt={6} label={DIR.options} value={f.options} onChange={(options) => setField(i, { options })} error={errors[`fields.${i}.options`]} />
          )}
        </Card>
      ))}
      <Group justify="space-between">
        <Button size="compact-sm" variant="subtle" onClick={() => setD({ ...d, fields: [...d.fields, { key: `q${d.fields.length + 1}`, label: '', type: 'text', options: [], required: false }] })}>
          {DIR.addField}
        </Button>
        <Switch label={DIR.formActive} checked={d.active} onChange={(e) => setD({ ...d, active: e.currentTarget.checked })} />
      </Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => onClose(false)}>
          {S.cancel}
        </Button>
        <Button onClick={() => void save()}>{S.save}</Button>
      </Group>
    </Stack>
  );
}

/** Справочники → Анкеты: the questionnaires the office defines (fields and their types). */
export function FormsTab({ canEdit }: { canEdit: boolean }) {
  const { data } = useEntry('clients.forms', { includeInactive: true });
  const [editing, setEditing] = useState<Draft | null>(null);
  return (
    <Stack maw={860}>
      {(data ?? []).map((f) => (
        <Card key={f.id} withBorder radius="md" p="sm">
          <Group justify="space-between">
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600}>{f.title}</Text>
                <Badge size="sm" variant="light">
                  {DIR.formKinds[f.kind]}
                </Badge>
                {!f.active && (
                  <Badge size="sm" color="gray">
                    не используется
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {f.fields.map((x) => x.label).join(' · ')}
              </Text>
            </Stack>
            {canEdit && (
              <Button size="xs" variant="subtle" onClick={() => setEditing({ ...f })}>
                {DIR.editForm}
              </Button>
            )}
          </Group>
        </Card>
      ))}
      {canEdit ? (
        <Group>
          <Button variant="light" onClick={() => setEditing(EMPTY)}>
            {DIR.newForm}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {DIR.canEditHint}
        </Text>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.title || DIR.newForm} size="xl">
        {editing && (
          <FormEditor
            draft={editing}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
