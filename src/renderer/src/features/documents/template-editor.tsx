import { Alert, Badge, Button, Card, Grid, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { DocumentKindKey, PdfFile } from '../../../../shared/api/document-types';
import type { TemplateDetail, TemplateErrorDto } from '../../../../shared/api/document-templates';
import { call, request, showError, showSuccess, useEntry } from '../../api/call';
import { PdfFrame } from './pdf-frame';
import { DIR } from './strings';
import { applyEdit, TemplateToolbar, type Edit } from './template-toolbar';

/**
 * One template: the text with the toolbar and pickers, errors with line and column, versions, and a
 * live PDF preview on sample data beside it. A built-in template is read-only: edits go into a copy.
 */
export function TemplateEditor({
  kind,
  template,
  startFrom = '',
  canEdit,
  onSaved,
}: {
  kind: DocumentKindKey;
  template: TemplateDetail | null;
  /** The text a new template starts from (the kind's default). */
  startFrom?: string;
  canEdit: boolean;
  onSaved: (id: number) => void;
}) {
  const [name, setName] = useState(template && !template.builtIn ? template.name : '');
  const [source, setSource] = useState(template?.source ?? startFrom);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<TemplateErrorDto[]>([]);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  // The version the text was opened on (its newest text's number): a save based on it is refused if someone saved since.
  const base = useRef<{ id: number; version: number } | null>(null);
  if (template && base.current?.id !== template.id) base.current = { id: template.id, version: template.version };
  const catalog = useEntry('templates.catalog', { kind });
  const readOnly = !canEdit || (template?.builtIn ?? false);
  useEffect(() => {
    let alive = true;
    // The preview follows the text after a short pause in typing.
    const timer = setTimeout(() => {
      void call('templates.preview', { kind, source }).then((r) => {
        if (!alive || !r) return;
        setErrors(r.errors);
        if (r.pdf) setPdf(r.pdf);
      });
    }, 600);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [kind, source]);
  const edit = (e: Edit) => {
    const el = area.current;
    const start = el?.selectionStart ?? source.length;
    const end = el?.selectionEnd ?? source.length;
    const next = applyEdit(source, start, end, e);
    setSource(next.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  };
  const save = async (asCopy: boolean) => {
    const res = await request('templates.save', { id: asCopy || !template ? undefined : template.id, version: asCopy ? undefined : base.current?.version, kind, name: name.trim() || `${template?.name ?? 'Шаблон'} (копия)`, source, comment });
    if (res.error) return showError(res.error);
    base.current = { id: res.data.id, version: res.data.version };
    showSuccess(DIR.templateSaved);
    setComment('');
    onSaved(res.data.id);
  };
  const makeDefault = async () => {
    if (!template) return;
    const res = await request('templates.setDefault', { id: template.id });
    if (res.error) return showError(res.error);
    onSaved(template.id);
  };
  return (
    <Grid data-testid="template-editor">
      <Grid.Col span={6}>
        <Stack gap="xs">
          {template?.builtIn && <Alert color="blue">{DIR.builtInReadOnly}</Alert>}
          <Group grow>
            <TextInput label={DIR.templateName} value={name} placeholder={template?.builtIn ? `${template.name} (копия)` : ''} onChange={(e) => setName(e.currentTarget.value)} disabled={!canEdit} />
            <TextInput label={DIR.versionComment} value={comment} onChange={(e) => setComment(e.currentTarget.value)} disabled={!canEdit} />
          </Group>
          <TemplateToolbar catalog={catalog.data} onEdit={edit} disabled={readOnly} />
          <Textarea
            ref={area}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            readOnly={readOnly}
            autosize
            minRows={24}
            maxRows={34}
            spellCheck={false}
            styles={{ input: { fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12, lineHeight: 1.45 } }}
            data-testid="template-source"
            aria-label="Текст шаблона"
          />
          <Card withBorder padding="xs" data-testid="template-errors">
            {errors.length === 0 ? (
              <Text size="sm" c="teal">
                {DIR.noErrors}
              </Text>
            ) : (
              <Stack gap={2}>
                <Text size="sm" fw={600} c="red">
                  {DIR.errors}
                </Text>
                {errors.map((e, i) => (
                  <Text key={i} size="sm" c="red">
                    {DIR.errorAt(e.line, e.column, e.message)}
                  </Text>
                ))}
              </Stack>
            )}
          </Card>
          {canEdit && (
            <Group>
              {!readOnly && (
                <Button disabled={errors.length > 0} onClick={() => void save(false)}>
                  {template ? DIR.saveVersion : DIR.newTemplate}
                </Button>
              )}
              {template && (
                <Button variant="light" disabled={errors.length > 0} onClick={() => void save(true)}>
                  {DIR.copyTemplate}
                </Button>
              )}
              {template && !template.isDefault && (
                <Button variant="default" onClick={() => void makeDefault()}>
                  {DIR.makeDefault}
                </Button>
              )}
            </Group>
          )}
          {template && (
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {DIR.versions}:
              </Text>
              {template.versions.map((v) => (
                <Badge key={v.id} variant="outline" size="sm" title={`${v.createdBy ?? 'Система'}, ${new Date(v.createdAt).toLocaleString('ru-RU')}${v.comment ? ` — ${v.comment}` : ''}`}>
                  {DIR.version(v.version)}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={6}>
        <Text size="sm" fw={600} mb={4}>
          {DIR.livePreview}
        </Text>
        <PdfFrame file={pdf} target={null} height={860} />
      </Grid.Col>
    </Grid>
  );
}
