import { Alert, Anchor, Badge, Grid, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import type { SessionUser } from '../../../../shared/api/auth';
import type { ClientCard, ClientInput } from '../../../../shared/api/client-types';
import { request, showSuccess, useEntry, useEntryEnvelope } from '../../api/call';
import { rebasedValues, type ShownField } from '../../api/stale-changes';
import { navigate } from '../../app/router';
import { useStaleRefusal } from '../../app/stale-alert';
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
import { FIELD_LABELS, S } from './strings';

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

/** A card's requisites as the form shows them, for the list of what another person changed. */
const CARD_FIELDS: readonly ShownField<ClientCard>[] = [
  { label: FIELD_LABELS.kind, show: (c) => S.kinds[c.kind] },
  ...(['shortName', 'fullName', 'inn', 'kpp', 'ogrn', 'legalAddress', 'postalAddress', 'actualAddress', 'website', 'segment', 'region', 'comment'] as const).map((f) => ({
    label: FIELD_LABELS[f],
    show: (c: ClientCard) => c[f],
  })),
  { label: FIELD_LABELS.sourceId, show: (c) => c.sourceName ?? '' },
  { label: 'Телефоны', show: (c) => c.phones.map((p) => p.value).join(', ') },
  { label: 'E-mail', show: (c) => c.emails.map((e) => e.value).join(', ') },
  { label: 'Расчётные счета', show: (c) => c.accounts.map((a) => `${a.account} (БИК ${a.bik})`).join(', ') },
];

/** The client card: requisites, key persons, questionnaires, history; the owner and the ladder beside. */
export function ClientCardPage({ user, id, tab }: { user: SessionUser; id: number; tab: string }) {
  const { data: card, error } = useEntryEnvelope('clients.get', { id });
  const facets = useEntry('clients.facets', {});
  // The version the requisites form was filled from: a save based on it is refused if someone saved since.
  const base = useRef<{ id: number; version: number; opened: ClientCard } | null>(null);
  if (card && base.current?.id !== card.id) base.current = { id: card.id, version: card.version, opened: card };
  const stale = useStaleRefusal(CARD_FIELDS);
  // What the person tried to save: going on from a newer version keeps it where they typed.
  const typed = useRef<ClientInput | null>(null);
  // The form's values after going on from a newer version (a new form, seeded with them).
  const [seed, setSeed] = useState<{ id: number; round: number; values: ClientInput } | null>(null);
  if (error) {
    return (
      <Stack maw={720}>
        <Anchor href="#/clients">{S.back}</Anchor>
        <Alert color={error.code === 'FORBIDDEN' ? 'yellow' : 'red'} title={S.title} data-testid="client-forbidden">
          {error.message}
        </Alert>
      </Stack>
    );
  }
  if (!card) return <Loader />;
  const save = async (client: ClientInput) => {
    const res = await request('clients.update', { id, version: base.current?.version ?? card.version, client });
    if (res.error) {
      // Someone saved the card meanwhile: who, when and what they changed; the form keeps what was typed.
      typed.current = client;
      await stale.refused(res.error, base.current?.opened, (o) => request('clients.get', { id: o.id }));
      return res.error;
    }
    stale.clear();
    base.current = { id: res.data.id, version: res.data.version, opened: res.data };
    showSuccess(S.saved);
    return null;
  };
  const active = tab in S.cardTabs ? tab : 'requisites';
  return (
    <Stack gap="md">
      <Anchor size="sm" href="#/clients">
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
                {stale.alert((now) => {
                  const opened = base.current?.opened;
                  if (opened && typed.current) setSeed({ id: now.id, round: (seed?.round ?? 0) + 1, values: rebasedValues(cardInput(opened), cardInput(now), typed.current) });
                  base.current = { id: now.id, version: now.version, opened: now };
                })}
                <ClientForm key={`${card.id}/${seed?.round ?? 0}`} initial={seed?.id === card.id ? seed.values : cardInput(card)} facets={facets.data} readOnly={!card.canEdit} submitLabel={S.save} onSave={save} />
                <FacsimileAgreement user={user} card={card} />
                {card.kind === 'person' && <ClientPassport clientId={card.id} readOnly={!card.canEdit} />}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="contacts">
              <ClientContacts card={card} />
            </Tabs.Panel>
            <Tabs.Panel value="dossier">
              <QuestionnairesPanel card={card} />
            </Tabs.Panel>
            <Tabs.Panel value="history">
              <ClientTimeline card={card} />
            </Tabs.Panel>
            <Tabs.Panel value="sales">
              <ClientSalesPanel user={user} clientId={card.id} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <OwnerPanel card={card} />
            <ClientLadder ladder={card.ladder} />
            <ClientSignaturesPanel clientId={card.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
