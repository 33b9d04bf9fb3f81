import { canTransition } from '../../core/index';
import { stepFitsRule } from '../../db/repos/signing-writes';
import type { MoveRefusal, SigningStep } from '../../db/repos/signing-writes';
import type { SigningRecord } from '../../db/repos/signing-repo';
import type { SessionUser } from '../../shared/api/auth';
import { MOVABLE_STATES } from '../../shared/api/signing';
import type { DocumentSigning } from '../../shared/api/signing-types';
import { AppError } from '../app-error';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { canWriteSigning, localToday, signingScope } from './access';

const NO_DOCUMENT = 'Документ не найден или ещё не выставлен';

function visible(user: SessionUser, r: SigningRecord): boolean {
  return user.role !== 'manager' || r.managerId === user.id || r.clientResponsibleId === user.id;
}

/** The signing record as the panel shows it to this caller: with the moves they may make now. */
export function toPanel(user: SessionUser, r: SigningRecord): DocumentSigning {
  const canWrite = canWriteSigning(user) && visible(user, r);
  const { clientResponsibleId: _owner, managerId: _manager, ...rest } = r;
  const history = { sentOn: r.sentOn, signedByUs: r.history.some((e) => e.state === 'signed_by_us') };
  return { ...rest, next: canWrite ? MOVABLE_STATES.filter((to) => canTransition(r.state, to, history) && stepFitsRule(to, r.rule)) : [], canWrite };
}

async function panel(ctx: CallContext, documentId: number): Promise<DocumentSigning> {
  const record = await ctx.store.signing.detail(documentId, localToday(ctx));
  if (!record) throw new AppError('NOT_FOUND', NO_DOCUMENT);
  return toPanel(requireUser(ctx), record);
}

function stepOf(ctx: CallContext, input: Omit<SigningStep, 'at'> & { at?: string }): SigningStep {
  return { ...input, at: input.at ?? localToday(ctx) };
}

function raise(refusal: MoveRefusal): never {
  if (refusal.code === 'not_found') throw new AppError('NOT_FOUND', `${NO_DOCUMENT} (№ ${refusal.documentId} в базе)`);
  throw new AppError('CONFLICT', refusal.message);
}

/** One document's panel, moving one document, moving several at once (all or nothing). */
export const moveHandlers: HandlerMap<'signing.document' | 'signing.transition' | 'signing.transitionMany'> = {
  async 'signing.document'(input, ctx) {
    const record = await ctx.store.signing.detail(input.documentId, localToday(ctx));
    const user = requireUser(ctx);
    if (!record) return null;
    if (!visible(user, record)) throw new AppError('NOT_FOUND', NO_DOCUMENT);
    return toPanel(user, record);
  },

  async 'signing.transition'(input, ctx) {
    const { documentId, ...step } = input;
    const refusal = await ctx.store.signing.move(ctx.actor, signingScope(ctx), [documentId], stepOf(ctx, step), localToday(ctx));
    if (refusal) raise(refusal);
    return panel(ctx, documentId);
  },

  async 'signing.transitionMany'(input, ctx) {
    const { documentIds, ...step } = input;
    const refusal = await ctx.store.signing.move(ctx.actor, signingScope(ctx), documentIds, stepOf(ctx, step), localToday(ctx));
    if (refusal) raise(refusal);
    return { moved: new Set(documentIds).size };
  },
};
