import { eq } from 'drizzle-orm';
import type { PassportDto } from '../../shared/api/client-passport';
import { appendAudit, type Actor } from '../audit';
import { inTransaction, type RepoDeps } from '../drizzle';
import { clientPassports } from '../schema/clients';

const EMPTY: PassportDto = { seriesNumber: '', issuedBy: '', issuedOn: null, divisionCode: '', birthDate: null, registrationAddress: '' };

/** Private persons' passport data, one row per client. */
export function createClientPassportRepo(deps: RepoDeps) {
  const { db, sqlite } = deps;
  const getSync = (clientId: number): PassportDto => {
    const r = db.select().from(clientPassports).where(eq(clientPassports.clientId, clientId)).get();
    if (!r) return { ...EMPTY };
    return { seriesNumber: r.seriesNumber, issuedBy: r.issuedBy, issuedOn: r.issuedOn, divisionCode: r.divisionCode, birthDate: r.birthDate, registrationAddress: r.registrationAddress };
  };
  return {
    /** The client's passport data (empty fields when none is stored). */
    async get(clientId: number): Promise<PassportDto> {
      return getSync(clientId);
    },
    /** Saves the passport data (audited: who changed a person's identity data and when). */
    async save(actor: Actor, clientId: number, p: PassportDto): Promise<PassportDto> {
      return inTransaction(deps, () => {
        const at = deps.now().toISOString();
        const before = getSync(clientId);
        db.insert(clientPassports)
          .values({ clientId, ...p, updatedBy: actor.userId, updatedAt: at })
          .onConflictDoUpdate({ target: clientPassports.clientId, set: { ...p, updatedBy: actor.userId, updatedAt: at } })
          .run();
        appendAudit(sqlite, actor, { action: 'update', entity: 'client_passport', entityId: clientId, before, after: p }, at);
        return getSync(clientId);
      });
    },
  };
}
