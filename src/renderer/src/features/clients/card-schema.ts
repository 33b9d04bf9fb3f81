import { clientInputSchema } from '../../../../shared/api/client-types';
import { z } from '../../../../shared/zod-ru';

/** The card form's values checked by the contract's own schema: a field's message on the desk is the host's. */
export const CARD_SCHEMA = z.object({ client: clientInputSchema });
