import { Box } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A scrolling box that renders only the rows in view (plus a few around them), so a list of
 * 100 000 keeps a few dozen rows in the DOM. Reports the visible range for paged loading.
 */
export function VirtualRows({
  count,
  rowHeight,
  height,
  renderRow,
  onRange,
  testId,
}: {
  count: number;
  rowHeight: number;
  height: string;
  renderRow: (index: number) => ReactNode;
  onRange?: (first: number, last: number) => void;
  testId?: string;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => parent.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) onRange?.(first, last);
  }, [first, last, count, onRange]);
  return (
    <Box ref={parent} h={height} style={{ overflowY: 'auto', contain: 'strict' }} data-testid={testId}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((v) => (
          <div key={v.key} style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: rowHeight, transform: `translateY(${v.start}px)` }}>
            {renderRow(v.index)}
          </div>
        ))}
      </div>
    </Box>
  );
}
