import { Button, Group, Select } from '@mantine/core';
import type { TemplateCatalog } from '../../../../shared/api/document-templates';
import { DIR } from './strings';

/** What a toolbar action does to the text: wrap the selection, or insert at the cursor. */
export type Edit = { wrap: [string, string] } | { insert: string } | { linePrefix: string };

/** Applies an edit to the text at the selection; returns the new text and where the cursor goes. */
export function applyEdit(text: string, start: number, end: number, edit: Edit): { text: string; cursor: number } {
  if ('wrap' in edit) {
    const [open, close] = edit.wrap;
    const inner = text.slice(start, end) || 'текст';
    const next = `${text.slice(0, start)}${open}${inner}${close}${text.slice(end)}`;
    return { text: next, cursor: start + open.length + inner.length + close.length };
  }
  if ('insert' in edit) {
    return { text: `${text.slice(0, start)}${edit.insert}${text.slice(end)}`, cursor: start + edit.insert.length };
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return { text: `${text.slice(0, lineStart)}${edit.linePrefix}${text.slice(lineStart)}`, cursor: end + edit.linePrefix.length };
}

/**
 * The editor's toolbar: headings, numbered clauses, bold and italic, the repeated block over the lines,
 * a conditional block, and pickers of placeholders (with their Russian descriptions) and engine blocks.
 */
export function TemplateToolbar({ catalog, onEdit, disabled }: { catalog: TemplateCatalog | null; onEdit: (edit: Edit) => void; disabled: boolean }) {
  const fields = (catalog?.placeholders ?? []).filter((p) => p.type === 'text');
  const flags = (catalog?.placeholders ?? []).filter((p) => p.type === 'flag' || p.type === 'object');
  return (
    <Group gap={6} wrap="wrap">
      <Button size="compact-xs" variant="default" disabled={disabled} onClick={() => onEdit({ linePrefix: '## ' })}>
        {DIR.insertHeading}
      </Button>
      <Button size="compact-xs" variant="default" disabled={disabled} onClick={() => onEdit({ linePrefix: '1. ' })}>
        {DIR.insertClause}
      </Button>
      <Button size="compact-xs" variant="default" fw={700} disabled={disabled} onClick={() => onEdit({ wrap: ['**', '**'] })}>
        {DIR.insertBold}
      </Button>
      <Button size="compact-xs" variant="default" fs="italic" disabled={disabled} onClick={() => onEdit({ wrap: ['*', '*'] })}>
        {DIR.insertItalic}
      </Button>
      <Button size="compact-xs" variant="default" disabled={disabled} onClick={() => onEdit({ insert: '{{#lines}}\n{{n}}. {{name}} — {{quantity}} {{unit}} × {{price}} = {{amount}}\n{{/lines}}\n' })}>
        {DIR.insertLinesLoop}
      </Button>
      <Select
        size="xs"
        w={220}
        searchable
        disabled={disabled}
        placeholder={DIR.insertCondition}
        aria-label={DIR.insertCondition}
        data={flags.map((p) => ({ value: p.path, label: `${p.description} (${p.path})` }))}
        value={null}
        onChange={(v) => v && onEdit({ wrap: [`{{#${v}}}`, `{{/${v}}}`] })}
      />
      <Select
        size="xs"
        w={300}
        searchable
        disabled={disabled}
        placeholder={DIR.pickPlaceholder}
        aria-label={DIR.pickPlaceholder}
        data-testid="placeholder-picker"
        data={fields.map((p) => ({ value: p.path, label: `${p.description} — {{${p.itemOf ? p.path.slice(p.itemOf.length + 1) : p.path}}}` }))}
        value={null}
        onChange={(v) => {
          const p = fields.find((x) => x.path === v);
          if (p) onEdit({ insert: `{{${p.itemOf ? p.path.slice(p.itemOf.length + 1) : p.path}}}` });
        }}
      />
      <Select
        size="xs"
        w={220}
        searchable
        disabled={disabled}
        placeholder={DIR.blocks}
        aria-label={DIR.blocks}
        data={(catalog?.directives ?? []).map((d) => ({ value: d.name, label: `${d.description} (::${d.name})` }))}
        value={null}
        onChange={(v) => v && onEdit({ insert: `\n::${v}\n` })}
      />
    </Group>
  );
}
