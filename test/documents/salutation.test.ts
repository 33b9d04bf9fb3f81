import { describe, expect, it } from 'vitest';
import { salutationOf } from '../../src/documents/name-cases';

// A letter greets a named addressee by name and patronymic, in the form of their sex (business-letter
// usage); where the name does not tell, it greets the team. Expectations written by hand.
const TABLE: Array<[string, string]> = [
  ['Громов Сергей Петрович', 'Уважаемый Сергей Петрович!'],
  ['Кузьмина Мария Олеговна', 'Уважаемая Мария Олеговна!'],
  ['Алиев Ильхам Гейдар оглы', 'Уважаемый Ильхам Гейдар оглы!'],
  ['Мамедова Лейла Ахмед кызы', 'Уважаемая Лейла Ахмед кызы!'],
  ['Ким Саша', 'Уважаемые коллеги!'],
  ['Иванова', 'Уважаемые коллеги!'],
  ['', 'Уважаемые коллеги!'],
];

describe('the greeting of a letter', () => {
  for (const [name, expected] of TABLE) {
    it(`greets «${name || '(no name)'}» as «${expected}»`, () => {
      expect(salutationOf(name)).toBe(expected);
    });
  }
});
