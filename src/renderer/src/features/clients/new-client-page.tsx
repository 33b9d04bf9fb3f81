import { Anchor, Paper, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import type { ClientInput } from '../../../../shared/api/client-types';
import { request, showSuccess, useEntry } from '../../api/call';
import { navigate } from '../../app/router';
import { ClientForm } from './client-form';
import { EMPTY_CLIENT, S } from './strings';

const STANDARD = 'standard';

/** A new client card; a manager's own, the heads and the office manager choose whose (or the standard decides). */
export function NewClientPage({ user }: { user: SessionUser }) {
  const facets = useEntry('clients.facets', {});
  const [owner, setOwner] = useState<string>(STANDARD);
  const chooses = user.role !== 'manager';
  const save = async (client: ClientInput) => {
    const responsibleId = !chooses || owner === STANDARD ? undefined : owner === 'none' ? null : Number(owner);
    const res = await request('clients.create', { client, responsibleId });
    if (res.error) return res.error;
    showSuccess(S.created);
    navigate(`/clients/${res.data.id}`);
    return null;
  };
  const ownerSelect = chooses ? (
    <Select
      label={S.responsible}
      w={320}
      allowDeselect={false}
      value={owner}
      onChange={(v) => setOwner(v ?? STANDARD)}
      data={[
        { value: STANDARD, label: S.byStandard },
        { value: 'none', label: S.noOwner },
        ...(facets.data?.managers ?? []).map((m) => ({ value: String(m.id), label: m.fullName })),
      ]}
    />
  ) : undefined;
  return (
    <Stack maw={1100}>
      <Anchor size="sm" href="#/clients">
        {S.back}
      </Anchor>
      <Title order={2}>{S.newClient}</Title>
      <Paper withBorder radius="md" p="lg">
        <ClientForm initial={EMPTY_CLIENT} facets={facets.data} readOnly={false} submitLabel={S.save} onSave={save} extra={ownerSelect} />
      </Paper>
    </Stack>
  );
}
