import { z } from '../zod-ru';
import { entry } from '../entry';
import type { Role } from '../roles';
import { IMPORT_FIELD_KEYS, ROW_DECISION_KEYS, type ImportBatchDto, type ImportPreview, type ImportReport } from './client-types';

/** Who imports long lists (a manager only into their own name — checked by the handler). */
export const IMPORTERS: readonly Role[] = ['director', 'head_of_sales', 'manager'];

// A long list of 50 000 rows in base64 stays well under this.
const MAX_BASE64 = 40_000_000;

/** The file as the wizard sends it: its name and bytes in base64. */
export const importFileSchema = z.object({
  fileName: z.string().trim().min(1, { message: 'Нет имени файла' }).max(300),
  dataBase64: z.string().min(1, { message: 'Файл пуст' }).max(MAX_BASE64, { message: 'Файл слишком большой (больше 30 МБ)' }),
});

/** Which column (0-based) holds each field. */
export const mappingSchema = z.partialRecord(z.enum(IMPORT_FIELD_KEYS), z.number().int().min(0).max(1000));

/** Long lists: preview (writes nothing), commit (one transaction) and the history of imports. */
export const clientImportApi = {
  'clients.importPreview': entry<ImportPreview>()({
    input: importFileSchema.extend({
      mapping: mappingSchema.optional(),
      /** Whose the new clients will be; null = by the division standard (heads only). Default: the caller. */
      ownerId: z.number().int().positive().nullable().optional(),
    }),
    access: IMPORTERS,
    writes: false,
  }),
  'clients.importCommit': entry<ImportReport>()({
    input: importFileSchema.extend({
      mapping: mappingSchema,
      ownerId: z.number().int().positive().nullable().optional(),
      /** The rows the user accepted, each with its decision; rows not listed are skipped. */
      decisions: z.array(z.object({ row: z.number().int().min(1), decision: z.enum(ROW_DECISION_KEYS) })).max(200_000),
    }),
    access: IMPORTERS,
    writes: true,
  }),
  'clients.importBatches': entry<ImportBatchDto[]>()({ input: z.object({}), access: IMPORTERS, writes: false }),
};
