import { setImmediate as nextTurn } from 'node:timers/promises';
// The part of the import both steps share: read the file, read its rows with the mapping and
// reconcile them with the base. The preview shows the result; the commit writes what was accepted.
import {
  buildClientIndex,
  matchKeysOf,
  pickManager,
  readImportRow,
  reconcile,
  ROW_DECISIONS,
  searchKey,
  suggestMapping,
  toCandidate,
  type ColumnMapping,
  type ImportRow,
  type RowCategory,
  type RowVerdict,
} from '../../core/index';
import type { ImportRowView } from '../../shared/api/client-types';
import { AppError } from '../app-error';
import { requireUser, type CallContext } from '../context';
import { isSalesHead } from './access';
import { decodeBase64, fileHash, parseImportFile, type ParsedFile } from './import-file';

/** The file and rows of one import, reconciled. */
export interface ReconciledImport {
  file: ParsedFile;
  hash: string;
  suggested: ColumnMapping;
  mapping: ColumnMapping;
  /** Null until a name column is mapped. */
  rows: { read: ImportRow; verdict: RowVerdict; ownerId: number | null; holderId: number | null }[] | null;
  counts: Record<RowCategory, number>;
}

/** Whose the imported clients become: a manager only themselves; the heads anyone, or the standard (null). */
export async function resolveImportOwner(ctx: CallContext, ownerId: number | null | undefined): Promise<number | null> {
  const user = requireUser(ctx);
  if (!isSalesHead(user)) {
    if (ownerId !== undefined && ownerId !== user.id) throw new AppError('FORBIDDEN', 'Менеджер загружает список только на себя');
    return user.id;
  }
  if (ownerId === undefined) return user.id;
  if (ownerId !== null && !(await ctx.store.clientDivision.responsibles()).some((p) => p.id === ownerId)) {
    throw new AppError('VALIDATION', 'Выберите действующего сотрудника отдела продаж', [{ path: 'ownerId', message: 'Выберите сотрудника из списка' }]);
  }
  return ownerId;
}

function emptyCounts(): Record<RowCategory, number> {
  return { new: 0, ours: 0, other: 0, conflict: 0, invalid: 0 };
}

async function ownerRule(ctx: CallContext, ownerId: number | null): Promise<(r: ImportRow) => number | null> {
  if (ownerId !== null) return () => ownerId;
  const std = await ctx.store.clientDivision.standard();
  const sources = new Map((await ctx.store.clientSources.list()).map((s) => [searchKey(s.name), s.id]));
  return (r) => pickManager(std, { region: r.region, segment: r.segment, sourceId: sources.get(searchKey(r.source)) ?? null });
}

// The last file read, by its name and SHA-256. The wizard's commit sends the very file its preview has just
// read, and reading depends only on the bytes and the name's extension: the commit takes that reading
// (for a 30 000-row list a third of a second, for a workbook more) and matches it against the base again.
let lastRead: { key: string; file: Promise<ParsedFile> } | null = null;
// A file's rows as read with a mapping depend on nothing else either: the commit takes those its preview
// read with the same mapping (kept with the file while it is kept; ImportRow values are never changed).
const rowsRead = new WeakMap<ParsedFile, { mapping: string; rows: ImportRow[] }>();

function readImportFile(fileName: string, bytes: Uint8Array, hash: string): Promise<ParsedFile> {
  const key = `${hash}\n${fileName}`;
  if (lastRead?.key !== key) {
    const read = { key, file: parseImportFile(fileName, bytes) };
    lastRead = read;
    // A refused file is refused again the same way; it is not kept.
    read.file.catch(() => {
      if (lastRead === read) lastRead = null;
    });
  }
  return lastRead.file;
}

/** A mapping as a text that is the same for the same columns, whatever order its fields come in. */
function mappingKey(mapping: ColumnMapping): string {
  return JSON.stringify(Object.entries(mapping).sort(([a], [b]) => a.localeCompare(b)));
}

/** The file's rows read with `mapping`, once per file and mapping. */
function readRows(file: ParsedFile, mapping: ColumnMapping): ImportRow[] {
  const key = mappingKey(mapping);
  const kept = rowsRead.get(file);
  if (kept?.mapping === key) return kept.rows;
  const rows = file.rows.map((r) => readImportRow(r.cells, r.row, mapping));
  rowsRead.set(file, { mapping: key, rows });
  return rows;
}

// The last reconciliation on each base, for the commit that follows its preview: taken again only for the same
// person, file, mapping and owner while nothing at all has been written to the base since it began (its write
// stamp); any write — a client added at another desk, a manager's claim — makes the commit match again.
const lastReconciled = new WeakMap<object, { key: string; stamp: string; result: Promise<ReconciledImport> }>();

/** Reads and reconciles a file; writes nothing. `mapping` absent = the suggested one. */
export async function reconcileImport(
  ctx: CallContext,
  input: { fileName: string; dataBase64: string; mapping?: ColumnMapping },
  ownerId: number | null,
): Promise<ReconciledImport> {
  const bytes = decodeBase64(input.dataBase64);
  const hash = fileHash(bytes);
  const stamp = ctx.store.writeStamp();
  const file = await readImportFile(input.fileName, bytes, hash);
  const suggested = suggestMapping(file.headers);
  const mapping = input.mapping ?? suggested;
  // Without a name column there is nothing to match (and the answer depends on whether a mapping was given).
  if (mapping.name === undefined) return reconcileAnew(ctx, input, ownerId, file, hash, suggested);
  const key = JSON.stringify([requireUser(ctx).id, hash, input.fileName, mappingKey(mapping), ownerId]);
  const kept = lastReconciled.get(ctx.store);
  if (kept?.key === key && kept.stamp === stamp) return kept.result;
  const result = reconcileAnew(ctx, input, ownerId, file, hash, suggested);
  lastReconciled.set(ctx.store, { key, stamp, result });
  result.catch(() => {
    if (lastReconciled.get(ctx.store)?.result === result) lastReconciled.delete(ctx.store);
  });
  return result;
}

async function reconcileAnew(
  ctx: CallContext,
  input: { fileName: string; dataBase64: string; mapping?: ColumnMapping },
  ownerId: number | null,
  file: ParsedFile,
  hash: string,
  suggested: ColumnMapping,
): Promise<ReconciledImport> {
  // Other desks' calls get their turn between reading the file and matching it.
  await nextTurn();
  const mapping = input.mapping ?? suggested;
  const width = Math.max(file.headers.length, ...file.rows.slice(0, 100).map((r) => r.cells.length));
  for (const [field, col] of Object.entries(mapping)) {
    if (col >= width) throw new AppError('VALIDATION', `В файле нет столбца №${col + 1}`, [{ path: `mapping.${field}`, message: 'Нет такого столбца' }]);
  }
  const counts = emptyCounts();
  const base = { file, hash, suggested, mapping, counts };
  if (mapping.name === undefined) {
    if (input.mapping) throw new AppError('VALIDATION', 'Укажите, в каком столбце наименование клиента', [{ path: 'mapping.name', message: 'Выберите столбец' }]);
    return { ...base, rows: null };
  }
  const read = readRows(file, mapping);
  const ownerFor = await ownerRule(ctx, ownerId);
  const owners = new Map(read.map((r) => [r.row, ownerFor(r)]));
  const names = new Map((await ctx.store.users.list()).map((u) => [u.id, u.fullName]));
  const candidates = read.map(toCandidate);
  const index = buildClientIndex(await ctx.store.clientList.matchablesFor(matchKeysOf(candidates)));
  await nextTurn();
  const verdicts = reconcile(candidates, index, { ownerFor: (c) => owners.get(c.row) ?? null, ownerName: (id) => names.get(id) ?? `№${id}` });
  for (const v of verdicts) counts[v.category]++;
  const rows = read.map((r, i) => {
    const verdict = verdicts[i];
    const holderId = verdict.matchId === null ? null : (index.clients.get(verdict.matchId)?.ownerId ?? null);
    return { read: r, verdict, ownerId: owners.get(r.row) ?? null, holderId };
  });
  return { ...base, rows };
}

/** A reconciled row as the wizard shows it. */
export function rowView(r: { read: ImportRow; verdict: RowVerdict }): ImportRowView {
  return {
    row: r.read.row,
    category: r.verdict.category,
    reason: r.verdict.reason,
    warnings: r.read.warnings,
    name: r.read.name,
    inn: r.read.inn,
    phone: r.read.phones[0]?.value ?? '',
    email: r.read.emails[0] ?? '',
    region: r.read.region,
    matchId: r.verdict.matchId,
    decisions: [...ROW_DECISIONS[r.verdict.category]],
  };
}
