import { Badge, Button, Group, NavLink, Select, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { DOC_ADMINS, DOCUMENT_KIND_LABELS, DOCUMENT_KIND_VALUES, type DocumentKindKey } from '../../../../shared/api/document-types';
import { useEntry } from '../../api/call';
import { DIR } from './strings';
import { TemplateEditor } from './template-editor';

/** Справочники → Шаблоны: every kind's templates (the built-in one and the office's versions), the editor with live preview. */
export function TemplatesPage({ user }: { user: SessionUser }) {
  const [kind, setKind] = useState<DocumentKindKey>('invoice');
  const [selected, setSelected] = useState<number | null>(null);
  const list = useEntry('templates.list', { kind, includeArchived: true });
  const { data: detail } = useEntry('templates.get', { id: selected ?? 0 }, { enabled: selected !== null && selected > 0 });
  useEffect(() => {
    const first = list.data?.find((t) => t.isDefault) ?? list.data?.[0];
    if (first && (selected === null || (selected > 0 && !list.data?.some((t) => t.id === selected)))) setSelected(first.id);
  }, [list.data, selected]);
  const canEdit = DOC_ADMINS.includes(user.role);
  const current = detail && detail.id === selected ? detail : null;
  // A new template starts from the text last opened (the kind's default when nothing else was).
  const startFrom = detail && detail.kind === kind ? detail.source : '';
  return (
    <Stack data-testid="templates-page">
      <Group align="flex-end">
        <Select
          label="Вид документа"
          w={340}
          data={DOCUMENT_KIND_VALUES.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
          value={kind}
          allowDeselect={false}
          onChange={(v) => {
            setKind((v ?? 'invoice') as DocumentKindKey);
            setSelected(null);
          }}
        />
      </Group>
      <Group align="flex-start" wrap="nowrap">
        <Stack gap={0} w={240} style={{ flexShrink: 0 }}>
          {(list.data ?? []).map((t) => (
            <NavLink
              key={t.id}
              active={t.id === selected}
              onClick={() => setSelected(t.id)}
              label={t.name}
              description={
                <Group gap={4}>
                  <span>{DIR.version(t.version)}</span>
                  {t.builtIn && <Badge size="xs" variant="outline">{DIR.builtIn}</Badge>}
                  {t.isDefault && <Badge size="xs">{DIR.isDefault}</Badge>}
                  {t.archived && <Badge size="xs" color="gray">{DIR.archived}</Badge>}
                </Group>
              }
            />
          ))}
          {canEdit && (
            <Button variant="subtle" size="xs" mt="xs" onClick={() => setSelected(-1)}>
              + {DIR.newTemplate}
            </Button>
          )}
        </Stack>
        <div style={{ flex: 1, minWidth: 0 }}>
          {selected === -1 ? (
            <TemplateEditor key={`new-${kind}`} kind={kind} template={null} startFrom={startFrom} canEdit={canEdit} onSaved={setSelected} />
          ) : (
            current && (
              <TemplateEditor
                key={`${current.id}-${current.version}`}
                kind={kind}
                template={current}
                canEdit={canEdit}
                onSaved={setSelected}
              />
            )
          )}
        </div>
      </Group>
    </Stack>
  );
}
