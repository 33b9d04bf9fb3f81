import { z } from '../zod-ru';
import { entry } from '../entry';
import { ANY_ROLE, DIRECTOR_ONLY } from '../roles';
import { versionSchema } from '../record-version';

/** VAT rates an organisation or a document may use; 'none' is «Без налога (НДС)». */
export const VAT_RATE_VALUES = ['22', '20', '10', '7', '5', '0', 'none'] as const;

const text = (max: number) => z.string().trim().max(max);
const required = (label: string, max = 500) => text(max).min(1, { message: `Заполните поле «${label}»` });

/** Our organisation's requisites as typed in a form (checksums are checked by the handler). */
export const orgInputSchema = z.object({
  kind: z.enum(['legal', 'ip']),
  fullName: required('Полное наименование'),
  shortName: required('Краткое наименование', 200),
  inn: required('ИНН', 12),
  kpp: text(9),
  ogrn: required('ОГРН / ОГРНИП', 15),
  legalAddress: required('Юридический адрес'),
  postalAddress: text(500),
  bik: required('БИК', 9),
  bankName: required('Банк', 300),
  corrAccount: required('Корреспондентский счёт', 20),
  account: required('Расчётный счёт', 20),
  directorPosition: required('Должность руководителя', 200),
  directorName: required('ФИО руководителя', 200),
  accountantName: text(200),
  phone: text(100),
  email: text(200),
  defaultVatRate: z.enum(VAT_RATE_VALUES),
});

/** Input of an organisation form. */
export type OrgInput = z.infer<typeof orgInputSchema>;

/** A saved organisation of ours. */
export interface Org extends OrgInput {
  id: number;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
  /** The version a save of this organisation must carry (concurrent edits). */
  version: number;
}

const idInput = z.object({ id: z.number().int().positive() });

/** Our organisations: the list, one of them the default. */
export const orgsApi = {
  'orgs.list': entry<Org[]>()({ input: z.object({}), access: ANY_ROLE, writes: false }),
  'orgs.get': entry<Org>()({ input: idInput, access: ANY_ROLE, writes: false }),
  'orgs.create': entry<Org>()({ input: orgInputSchema, access: DIRECTOR_ONLY, writes: true }),
  'orgs.update': entry<Org>()({
    input: z.object({ id: z.number().int().positive(), version: versionSchema, org: orgInputSchema }),
    access: DIRECTOR_ONLY,
    writes: true,
  }),
  'orgs.setDefault': entry<Org>()({ input: idInput, access: DIRECTOR_ONLY, writes: true }),
};
