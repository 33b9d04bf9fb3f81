import { describe, expect, it } from 'vitest';
import { changedFields, rebasedValues, type ShownField } from '../../src/renderer/src/api/stale-changes';

interface Card {
  name: string;
  phone: string;
  probability: number;
}

const FIELDS: ShownField<Card>[] = [
  { label: 'Наименование', show: (c) => c.name },
  { label: 'Телефон', show: (c) => c.phone },
  { label: 'Вероятность', show: (c) => `${c.probability} %` },
];

describe('what another person changed', () => {
  it('lists only the fields whose shown value differs, in the form’s order, an empty value shown as a dash', () => {
    const opened: Card = { name: 'ООО «Вектор»', phone: '+7 495 123-45-67', probability: 10 };
    const now: Card = { name: 'ООО «Вектор»', phone: '', probability: 35 };
    expect(changedFields(opened, now, FIELDS)).toEqual([
      { label: 'Телефон', from: '+7 495 123-45-67', to: '—' },
      { label: 'Вероятность', from: '10 %', to: '35 %' },
    ]);
  });

  it('lists nothing when the record reads the same', () => {
    const card: Card = { name: 'ИП Орлова', phone: '', probability: 50 };
    expect(changedFields(card, { ...card }, FIELDS)).toEqual([]);
  });
});

describe('going on from the newer version', () => {
  it('takes the other person’s value where the person typed nothing, and keeps the typing where they did', () => {
    const opened: Card = { name: 'ООО «Вектор»', phone: '+7 495 123-45-67', probability: 10 };
    const now: Card = { name: 'ООО «Вектор-Строй»', phone: '+7 495 123-45-67', probability: 35 };
    const typed: Card = { name: 'ООО «Вектор»', phone: '+7 495 765-43-21', probability: 10 };
    expect(rebasedValues(opened, now, typed)).toEqual({ name: 'ООО «Вектор-Строй»', phone: '+7 495 765-43-21', probability: 35 });
  });
});
