import { z } from './zod-ru';

/** An id the person picks in a form: missing, it is refused with what to pick («Выберите клиента»). */
export const pickedIdSchema = (message: string) => z.number({ error: message }).int().positive({ message });
