import '@mantine/spotlight/styles.css';
import { Button, Kbd } from '@mantine/core';
import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { ClientHit } from '../../../../shared/api/client-types';
import { request } from '../../api/call';
import { navigate } from '../../app/router';
import { S } from './strings';

function action(h: ClientHit): SpotlightActionData {
  return {
    id: String(h.id),
    label: h.name,
    description: [h.inn && `ИНН ${h.inn}`, h.phone, h.region, h.responsibleName ?? S.free].filter(Boolean).join(' · '),
    onClick: () => {
      if (h.canOpen) navigate(`/clients/${h.id}`);
      else notifications.show({ color: 'yellow', title: h.name, message: S.spotlight.whose(h.responsibleName ?? '—') });
    },
  };
}

/** Ctrl+K from anywhere: instant search over clients by name, ИНН, phone, e-mail or key person; shows whose each one is. */
export function ClientSpotlight() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const [hits, setHits] = useState<ClientHit[]>([]);
  useEffect(() => {
    let alive = true;
    const q = debounced.trim();
    if (q === '') {
      setHits([]);
      return;
    }
    void request('clients.search', { query: q, limit: 12 }).then((res) => {
      if (alive && res.data) setHits(res.data);
    });
    return () => {
      alive = false;
    };
  }, [debounced]);
  return (
    <>
      <Button variant="default" size="xs" c="dimmed" fw={400} onClick={spotlight.open} rightSection={<Kbd size="xs">Ctrl + K</Kbd>} data-testid="open-search">
        {S.spotlight.hint}
      </Button>
      <Spotlight
      actions={hits.map(action)}
      query={query}
      onQueryChange={setQuery}
      filter={(_q, actions) => actions}
      shortcut={['mod + K', 'mod + Л']}
      tagsToIgnore={[]}
      nothingFound={debounced.trim() ? S.spotlight.nothing : S.spotlight.placeholder}
      searchProps={{ placeholder: S.spotlight.placeholder, 'aria-label': S.spotlight.hint }}
      scrollable
      maxHeight={420}
      />
    </>
  );
}
