import { ROW_DECISIONS, type RowDecision } from '../../core/index';
import type { ImportPlanRow } from '../../db/repos/client-import-repo';
import type { ApiParsed, ApiResult } from '../../shared/contract';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { isSalesHead } from './access';
import { reconcileImport, resolveImportOwner, rowView } from './import-reconcile';
import { decodeBase64, fileHash } from './import-file';
import { reportProgress } from '../single-flight';

const DECISION_WORDS: Record<RowDecision, string> = { create: 'добавить', merge: 'дополнить', claim: 'заявить права', skip: 'пропустить' };

/** Long lists: the preview (writes nothing) and the commit (everything accepted in one transaction). */
export const clientImportHandlers: HandlerMap<'clients.importPreview' | 'clients.importCommit' | 'clients.importBatches'> = {
  async 'clients.importPreview'(input, ctx) {
    const ownerId = await resolveImportOwner(ctx, input.ownerId);
    const r = await reconcileImport(ctx, input, ownerId);
    return {
      format: r.file.format,
      encoding: r.file.encoding,
      delimiter: r.file.delimiter,
      fileHash: r.hash,
      headers: r.file.headers,
      sample: r.file.rows.slice(0, 8).map((x) => x.cells),
      totalRows: r.file.rows.length,
      suggestedMapping: r.suggested,
      mapping: r.mapping,
      ownerId,
      alreadyImported: await ctx.store.clientImport.byHash(r.hash),
      rows: r.rows ? r.rows.map(rowView) : null,
      counts: r.counts,
    };
  },

  async 'clients.importCommit'(input, ctx) {
    return commitImport(input, ctx);
  },

  async 'clients.importBatches'(_input, ctx) {
    const user = requireUser(ctx);
    return ctx.store.clientImport.batches(isSalesHead(user) ? null : user.id);
  },
};

/** The commit itself: re-reads the file, carries out the accepted decisions in one transaction, reporting its count as it goes. */
async function commitImport(input: ApiParsed<'clients.importCommit'>, ctx: CallContext): Promise<ApiResult<'clients.importCommit'>> {
  const ownerId = await resolveImportOwner(ctx, input.ownerId);
  const empty = { created: 0, merged: 0, claimed: 0, skipped: 0, refused: [] };
  // The same file a second time adds nothing, whatever was chosen.
  const known = await ctx.store.clientImport.byHash(fileHash(decodeBase64(input.dataBase64)));
  if (known) {
    return { batchId: null, duplicateOf: known, fileName: input.fileName, totalRows: 0, counts: { new: 0, ours: 0, other: 0, conflict: 0, invalid: 0 }, ...empty };
  }
  const r = await reconcileImport(ctx, input, ownerId);
  const decisions = new Map(input.decisions.map((d) => [d.row, d.decision]));
  const refused: { row: number; reason: string }[] = [];
  const plan: ImportPlanRow[] = (r.rows ?? []).map(({ read, verdict, ownerId: rowOwner, holderId }) => {
    let decision = decisions.get(read.row) ?? 'skip';
    const allowed = ROW_DECISIONS[verdict.category];
    // The base may have changed since the preview: a decision that no longer fits is not carried out.
    if (!allowed.includes(decision) || (decision === 'claim' && rowOwner === null)) {
      refused.push({ row: read.row, reason: `нельзя «${DECISION_WORDS[decision]}»: ${verdict.reason}` });
      decision = 'skip';
    }
    return { row: read, category: verdict.category, decision, reason: verdict.reason, matchId: verdict.matchId, ownerId: rowOwner, holderId };
  });
  const out = await ctx.store.clientImport.commit(ctx.actor, {
    fileName: input.fileName,
    fileHash: r.hash,
    format: r.file.format,
    encoding: r.file.encoding,
    delimiter: r.file.delimiter,
    mapping: r.mapping,
    ownerId,
    counts: r.counts,
    rows: plan,
  }, (done, total) => reportProgress(ctx, 'clients.importCommit', done, total));
  return { ...out, fileName: input.fileName, totalRows: plan.length, counts: r.counts, refused };
}
