import { Alert, Anchor, Badge, Grid, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import type { ClientCard, ClientInput } from '../../../../shared/api/client-types';
import type { ApiError } from '../../../../shared/errors';
import { request, showSuccess, useApi } from '../../api/call';
import { navigate } from '../../app/router';
import { ClientSalesPanel } from '../sales/client-sales-panel';
import { ClientSignaturesPanel } from '../signing/client-signatures';
import { ClientContacts } from './client-contacts';
import { ClientPassport } from './client-passport';
import { ClientForm } from './client-form';
import { FacsimileAgreement } from './facsimile-agreement';
import { ClientLadder } from './client-ladder';
import { ClientTimeline } from './client-timeline';
import { OwnerPanel } from './owner-panel';
import { QuestionnairesPanel } from './questionnaires-panel';
import { S } from './strings';

/** The editable part of a card. */
export function cardInput(c: ClientCard): ClientInput {
  return {
    kind: c.kind,
    shortName: c.shortName,
    fullName: c.fullName,
    inn: c.inn,
    kpp: c.kpp,
    ogrn: c.ogrn,
    legalAddress: c.legalAddress,
    postalAddress: c.postalAddress,
    actualAddress: c.actualAddress,
    website: c.website,
    segment: c.segment,
    region: c.region,
    sourceId: c.sourceId,
    comment: c.comment,
    phones: c.phones,
    emails: c.emails,
    accounts: c.accounts,
  };
}

/** The client card: requisites, key persons, questionnaires, history; the owner and the ladder beside. */
export function ClientCardPage({ user, id, tab }: { user: SessionUser; id: number; tab: string }) {
  const [card, setCard] = useState<ClientCard | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const facets = useApi('clients.facets', {});
  const load = useCallback(async () => {
    const res = await request('clients.get', { id });
    if (res.error) setError(res.error);
    else setCard(res.data);
  }, [id]);
  useEffect(() => {
    setCard(null);
    setError(null);
    void load();
  }, [load]);
  const changed = (next: ClientCard) => {
    setCard(next);
    setHistoryKey((k) => k + 1);
  };
  if (error) {
    return (
      <Stack maw={720}>
        <Anchor onClick={() => navigate('/clients')}>{S.back}</Anchor>
        <Alert color={error.code === 'FORBIDDEN' ? 'yellow' : 'red'} title={S.title} data-testid="client-forbidden">
          {error.message}
        </Alert>
      </Stack>
    );
  }
  if (!card) return <Loader />;
  const save = async (client: ClientInput) => {
    const res = await request('clients.update', { id, client });
    if (res.error) return res.error;
    changed(res.data);
    showSuccess(S.saved);
    return null;
  };
  const active = tab in S.cardTabs ? tab : 'requisites';
  return (
    <Stack gap="md">
      <Anchor size="sm" onClick={() => navigate('/clients')}>
        {S.back}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={2}>{card.shortName}</Title>
        <Badge variant="light" color="gray">
          {S.kinds[card.kind]}
        </Badge>
        {card.ladder.ourClient && <Badge color="orange">{S.ladder.our}</Badge>}
      </Group>
      <Text size="sm" c="dimmed">
        {[card.inn && `ИНН ${card.inn}`, card.kpp && `КПП ${card.kpp}`, card.region, card.segment, card.sourceName].filter(Boolean).join(' · ')}
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs value={active} onChange={(v) => navigate(`/clients/${id}/${v ?? 'requisites'}`)} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="requisites">{S.cardTabs.requisites}</Tabs.Tab>
              <Tabs.Tab value="contacts">{`${S.cardTabs.contacts} (${card.contacts.length})`}</Tabs.Tab>
              <Tabs.Tab value="dossier">{S.cardTabs.dossier}</Tabs.Tab>
              <Tabs.Tab value="history">{S.cardTabs.history}</Tabs.Tab>
              <Tabs.Tab value="sales">{S.cardTabs.sales}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="requisites">
              <Stack gap="md">
                <ClientForm key={card.id} initial={cardInput(card)} facets={facets.data} readOnly={!card.canEdit} submitLabel={S.save} onSave={save} />
                <FacsimileAgreement user={user} card={card} onChanged={changed} />
                {card.kind === 'person' && <ClientPassport clientId={card.id} readOnly={!card.canEdit} />}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="contacts">
              <ClientContacts card={card} onChanged={() => void load()} />
            </Tabs.Panel>
            <Tabs.Panel value="dossier">
              <QuestionnairesPanel card={card} />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <ClientTimeline key={historyKey} card={card} />
            </Tabs.Panel>
            <Tabs.Panel value="sales">
              <ClientSalesPanel user={user} clientId={card.id} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <OwnerPanel card={card} onChanged={changed} />
            <ClientLadder ladder={card.ladder} />
            <ClientSignaturesPanel clientId={card.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
