import { Text } from '@mantine/core';
import type { EntryName } from '../../../shared/contract';
import { useEntry } from '../api/call';

/** «Записано 12 000 из 30 000». */
export function longWriteCountText(done: number, total: number): string {
  return `Записано ${done.toLocaleString('ru-RU')} из ${total.toLocaleString('ru-RU')}`;
}

/** How far a long write of `entry` has got, read every 300 ms while `active` (nothing before it has a count); `text` words the count. */
export function LongWriteCount({ entry, active, text = longWriteCountText }: { entry: EntryName; active: boolean; text?: (done: number, total: number) => string }) {
  const { data } = useEntry('system.longWrites', {}, { enabled: active, pollMs: 300, quiet: true });
  const mine = active ? data?.find((w) => w.entry === entry) : undefined;
  if (!mine || mine.total === 0) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="long-write-count">
      {text(mine.done, mine.total)}
    </Text>
  );
}
