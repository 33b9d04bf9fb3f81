import { checkScanFile } from '../../core/index';
import { AppError } from '../app-error';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { localToday } from './access';
import { toPanel } from './move-handlers';
import { readScanFile, removeScanFile, scanPath, sha256Hex, storeScanFile } from './scan-store';

const NO_DOCUMENT = 'Документ не найден или ещё не выставлен';

async function writableDocument(ctx: CallContext, documentId: number) {
  const record = await ctx.store.signing.detail(documentId, localToday(ctx));
  const user = requireUser(ctx);
  if (!record) throw new AppError('NOT_FOUND', NO_DOCUMENT);
  const panel = toPanel(user, record);
  if (!panel.canWrite) throw new AppError('NOT_FOUND', NO_DOCUMENT);
  if (record.state === 'annulled') throw new AppError('CONFLICT', 'Документ аннулирован: сканы к нему не прикрепляются');
  return record;
}

/** Attaching a scan (checked by its bytes, stored once by its hash) and reading one back. */
export const scanHandlers: HandlerMap<'signing.attachScan' | 'signing.scan'> = {
  async 'signing.attachScan'(input, ctx) {
    const bytes = Buffer.from(input.base64, 'base64');
    // Checked before anything is touched: a refused file leaves no trace on disk or in the base.
    const check = checkScanFile(input.fileName, bytes);
    if (!check.ok) throw new AppError('VALIDATION', check.message);
    await writableDocument(ctx, input.documentId);
    const sha256 = sha256Hex(bytes);
    const storedPath = (await ctx.store.signing.storedScan(sha256)) ?? scanPath(sha256, check.ext);
    const wroteNew = storeScanFile(ctx.dataDir, storedPath, bytes);
    try {
      const res = await ctx.store.signing.attachScan(ctx.actor, { documentId: input.documentId, sha256, sizeBytes: bytes.length, mime: check.mime, name: input.fileName, storedPath });
      return { stored: res.stored, scans: res.scans };
    } catch (e) {
      if (wroteNew) removeScanFile(ctx.dataDir, storedPath);
      throw e;
    }
  },

  async 'signing.scan'(input, ctx) {
    const record = await ctx.store.signing.detail(input.documentId, localToday(ctx));
    const user = requireUser(ctx);
    if (!record || (user.role === 'manager' && record.managerId !== user.id && record.clientResponsibleId !== user.id)) throw new AppError('NOT_FOUND', NO_DOCUMENT);
    const scan = await ctx.store.signing.scanOf(input.documentId, input.sha256);
    if (!scan) throw new AppError('NOT_FOUND', 'Скан не найден');
    const bytes = readScanFile(ctx.dataDir, scan.storedPath);
    if (!bytes) throw new AppError('NOT_FOUND', `Файл скана пропал из папки данных (files/${scan.storedPath}): восстановите его из резервной копии`);
    return { fileName: scan.name, mime: scan.mime, base64: bytes.toString('base64') };
  },
};
