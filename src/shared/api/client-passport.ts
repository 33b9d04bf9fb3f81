import { z } from '../zod-ru';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Дата в формате ГГГГ-ММ-ДД' });

/** A private person's passport data and registration address (a consumer contract identifies them by these). */
export const passportSchema = z.object({
  seriesNumber: z
    .string()
    .trim()
    .regex(/^(\d{2}\s?\d{2}\s?\d{6})?$/, { message: 'Серия и номер паспорта: 10 цифр, например 4510 123456' })
    .default(''),
  issuedBy: z.string().trim().max(300).default(''),
  issuedOn: isoDate.nullable().default(null),
  divisionCode: z
    .string()
    .trim()
    .regex(/^(\d{3}-\d{3})?$/, { message: 'Код подразделения: 000-000' })
    .default(''),
  birthDate: isoDate.nullable().default(null),
  registrationAddress: z.string().trim().max(500).default(''),
});

/** Passport data as saved. */
export type PassportDto = z.output<typeof passportSchema>;
