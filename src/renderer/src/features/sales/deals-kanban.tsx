import { DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { DEAL_STAGE_LABELS, DEAL_STAGES, formatMoneyRub, type DealStage } from '../../../../core/index';
import type { DealDto } from '../../../../shared/api/sales';
import { showError, useWrite } from '../../api/call';
import { navigate } from '../../app/router';
import { DealCard } from './deal-card';
import { columnByColumn, KANBAN_INSTRUCTIONS, kanbanAnnouncements } from './kanban-keyboard';
import { S } from './strings';

function DraggableDeal({ deal }: { deal: DealDto }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: deal.id, data: { stage: deal.stage } });
  const style = {
    transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
    opacity: isDragging ? 0.85 : 1,
    zIndex: isDragging ? 10 : undefined,
    position: 'relative' as const,
  };
  return (
    <div ref={setNodeRef} style={style} {...listeners} {...attributes} aria-label={`${deal.clientName}: ${deal.title}`}>
      <DealCard deal={deal} onOpen={() => navigate(`/deals/${deal.id}`)} />
    </div>
  );
}

function Column({ stage, deals }: { stage: DealStage; deals: DealDto[] }) {
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const sum = deals.reduce((s, d) => s + d.amountKopecks, 0);
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      w={220}
      miw={220}
      bg={isOver ? 'indigo.0' : 'white'}
      data-testid={`kanban-column-${stage}`}
      style={{ alignSelf: 'stretch' }}
    >
      <Stack gap={4} mb="xs">
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="sm" fw={600} lineClamp={2}>
            {DEAL_STAGE_LABELS[stage]}
          </Text>
          <Badge size="sm" variant="light" style={{ flexShrink: 0 }}>
            {deals.length}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {formatMoneyRub(sum)}
        </Text>
      </Stack>
      <Stack gap="xs" mih={80}>
        {deals.map((d) => (
          <DraggableDeal key={d.id} deal={d} />
        ))}
        {deals.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="md">
            {S.emptyColumn}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The deals by stage; dragging a card (mouse or keyboard) moves the deal, the server checks the rules. */
export function DealsKanban({ deals }: { deals: DealDto[] }) {
  const [local, setLocal] = useState(deals);
  const move = useWrite('deals.move');
  useEffect(() => setLocal(deals), [deals]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: columnByColumn }));
  const titleOf = (id: unknown) => {
    const d = local.find((x) => x.id === id);
    return d ? `«${d.title}»` : '';
  };
  const onDragEnd = async (e: DragEndEvent) => {
    const id = Number(e.active.id);
    const to = e.over?.id;
    const deal = local.find((d) => d.id === id);
    if (!deal || typeof to !== 'string' || to === deal.stage) return;
    const stage = DEAL_STAGES.find((s) => s === to);
    if (!stage) return;
    setLocal((all) => all.map((d) => (d.id === id ? { ...d, stage } : d)));
    const res = await move.send({ id, stage });
    if (res.error) {
      showError(res.error);
      setLocal(deals);
      return;
    }
  };
  return (
    <DndContext sensors={sensors} onDragEnd={(e) => void onDragEnd(e)} accessibility={{ announcements: kanbanAnnouncements(titleOf), screenReaderInstructions: KANBAN_INSTRUCTIONS }}>
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" gap="sm" wrap="nowrap" pb="sm">
          {DEAL_STAGES.map((s) => (
            <Column key={s} stage={s} deals={local.filter((d) => d.stage === s)} />
          ))}
        </Group>
      </ScrollArea>
    </DndContext>
  );
}
