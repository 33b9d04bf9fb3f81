import type { Announcements, KeyboardCoordinateGetter, ScreenReaderInstructions } from '@dnd-kit/core';
import { DEAL_STAGE_LABELS, DEAL_STAGES } from '../../../../core/index';

/** Moves a dragged card one whole column per left or right arrow press (the stages are the droppables). */
export const columnByColumn: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const dragged = context.collisionRect;
  if (!dragged) return currentCoordinates;
  const columns = DEAL_STAGES.flatMap((s) => {
    const r = context.droppableRects.get(s);
    return r ? [r] : [];
  });
  const center = currentCoordinates.x + dragged.width / 2;
  // The column under the card's centre (or the nearest one), then its neighbour in the pressed direction.
  const distance = (i: number) => {
    const r = columns[i];
    return r ? Math.abs(r.left + r.width / 2 - center) : Infinity;
  };
  const here = columns.reduce((best, _r, i) => (distance(i) < distance(best) ? i : best), 0);
  const target = columns[here + step];
  if (!target) return currentCoordinates;
  return { x: target.left + (target.width - dragged.width) / 2, y: currentCoordinates.y };
};

const stageName = (id: unknown) => {
  const stage = DEAL_STAGES.find((s) => s === id);
  return stage ? `«${DEAL_STAGE_LABELS[stage]}»` : '';
};

/** What a screen reader says while a deal is carried between stages. */
export function kanbanAnnouncements(title: (id: unknown) => string): Announcements {
  return {
    onDragStart: ({ active }) => `Сделка ${title(active.id)} взята. Стрелки влево и вправо — соседний этап, пробел или Enter — положить, Escape — отменить.`,
    onDragOver: ({ active, over }) => (over ? `Сделка ${title(active.id)} над этапом ${stageName(over.id)}.` : `Сделка ${title(active.id)} вне этапов.`),
    onDragEnd: ({ active, over }) => (over ? `Сделка ${title(active.id)} перенесена на этап ${stageName(over.id)}.` : `Сделка ${title(active.id)} оставлена на месте.`),
    onDragCancel: ({ active }) => `Перенос сделки ${title(active.id)} отменён.`,
  };
}

/** The hint read when a deal card gets the focus. */
export const KANBAN_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable: 'Чтобы перенести сделку на другой этап, нажмите пробел или Enter, выберите этап стрелками влево и вправо и снова нажмите пробел или Enter. Escape — отмена.',
};
