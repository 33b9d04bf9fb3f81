import { Alert, Grid, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import { STANDARD_KIND_LABELS, type StandardDetail, type StandardKind } from '../../../../shared/api/standards';
import { useEntry } from '../../api/call';
import { ObjectionsView } from './objections-view';
import { BOOK_ORDER, SalesBook } from './sales-book';
import { StandardEditor } from './standard-editor';
import { StandardView } from './standard-view';
import { L } from './strings';

type Shown = { standard: number } | 'objections' | 'book' | null;

/** Справочники → Стандарты продаж: scripts with branches, objections, presentation, competitors, the sales book. */
export function StandardsPage({ user }: { user: SessionUser }) {
  const canEdit = user.role === 'director' || user.role === 'head_of_sales';
  const { data: all } = useEntry('standards.list', {});
  const [shown, setShown] = useState<Shown>(null);
  const [editing, setEditing] = useState<{ kind: StandardKind; standard: StandardDetail | null } | null>(null);
  const current = shown ?? (all?.[0] ? { standard: all[0].id } : 'objections');
  return (
    <Stack>
      <Title order={3}>{L.title}</Title>
      <Text size="sm" c="dimmed">
        {L.readOnly}
      </Text>
      <Grid>
        <Grid.Col span={3}>
          <Paper withBorder p="xs">
            {BOOK_ORDER.map((kind) => {
              const items = (all ?? []).filter((s) => s.kind === kind);
              return (
                <NavLink key={kind} label={STANDARD_KIND_LABELS[kind]} defaultOpened childrenOffset={12}>
                  {items.map((s) => (
                    <NavLink
                      key={s.id}
                      label={`${s.code ? `${s.code}. ` : ''}${s.title}`}
                      active={typeof current === 'object' && current.standard === s.id}
                      onClick={() => setShown({ standard: s.id })}
                    />
                  ))}
                  {canEdit && <NavLink label={`+ ${L.newStandard}`} c="indigo" onClick={() => setEditing({ kind, standard: null })} />}
                </NavLink>
              );
            })}
            <NavLink label={L.objections} active={current === 'objections'} onClick={() => setShown('objections')} />
            <NavLink label={L.wholeBook} active={current === 'book'} onClick={() => setShown('book')} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={9}>
          <Paper withBorder p="md">
            {current === 'objections' && <ObjectionsView canEdit={canEdit} />}
            {current === 'book' && <SalesBook />}
            {typeof current === 'object' && current !== null && (
              <StandardView
                key={current.standard}
                id={current.standard}
                canEdit={canEdit}
                onOpen={(id) => setShown({ standard: id })}
                onEdit={(s) => setEditing({ kind: s.kind, standard: s })}
              />
            )}
            {all && all.length === 0 && current !== 'objections' && current !== 'book' && <Alert color="gray">{L.empty}</Alert>}
          </Paper>
        </Grid.Col>
      </Grid>
      {editing && (
        <StandardEditor
          kind={editing.kind}
          standard={editing.standard}
          all={all ?? []}
          onClose={(id) => {
            setEditing(null);
            if (id) {
              setShown({ standard: id });
            }
          }}
        />
      )}
    </Stack>
  );
}
