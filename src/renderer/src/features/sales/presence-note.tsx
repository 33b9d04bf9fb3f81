import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { shortPersonName } from '../../../../core/index';
import type { PRESENCE_RECORDS } from '../../../../shared/api/presence';
import { request } from '../../api/call';

/** How often an open deal or draft says "still open here". */
const HEARTBEAT_MS = 20_000;

/** «Сейчас открыто у: Петрова Е. А.» under a deal or a draft that others have open: informative, not a lock. */
export function PresenceNote({ record, id }: { record: (typeof PRESENCE_RECORDS)[number]; id: number }) {
  const { data } = useQuery({
    queryKey: ['presence.here', { record, id }],
    queryFn: async () => (await request('presence.here', { record, id }, { background: true })).data ?? [],
    refetchInterval: HEARTBEAT_MS,
  });
  useEffect(() => () => void request('presence.here', { record, id, leaving: true }, { background: true }), [record, id]);
  if (!data || data.length === 0) return null;
  return (
    <Text size="sm" c="orange.8" data-testid="presence-note">
      Сейчас открыто у: {data.map((p) => shortPersonName(p.fullName)).join(', ')}
    </Text>
  );
}
