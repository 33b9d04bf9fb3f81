import { createHash } from 'node:crypto';
import { buildViewModel, type DocumentAssets, type DocumentData } from '../../documents/index';
import type { CallContext } from '../context';

/** What an issued document froze: the data printed, the template version and the images used. */
export interface DocumentSnapshot {
  v: 1;
  data: DocumentData;
  templateVersionId: number;
  /** logoId: absent in snapshots made before logos existed. */
  assets: { stampId: number | null; signatureId: number | null; logoId?: number };
}

/** SHA-256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a stored snapshot. */
export function parseSnapshot(json: string): DocumentSnapshot {
  const value = JSON.parse(json) as DocumentSnapshot;
  if (value.v !== 1) throw new Error(`unknown snapshot version ${String(value.v)}`);
  return value;
}

/** The stamp and signature of a snapshot, read back by id (uploaded images are never changed). */
export async function snapshotAssets(ctx: CallContext, s: DocumentSnapshot): Promise<DocumentAssets> {
  const stamp = s.assets.stampId === null ? null : await ctx.store.documents.settings.asset(s.assets.stampId);
  const signature = s.assets.signatureId === null ? null : await ctx.store.documents.settings.asset(s.assets.signatureId);
  const logo = s.assets.logoId === undefined ? null : await ctx.store.documents.settings.asset(s.assets.logoId);
  return { ...(stamp ? { stampPng: stamp.png } : {}), ...(signature ? { signaturePng: signature.png } : {}), ...(logo ? { logoImage: logo.png } : {}) };
}

/**
 * Renders a snapshot again with the template version it recorded: the same bytes as when it was
 * issued (the engine is reproducible), whatever happened to the templates since.
 */
export async function renderSnapshot(ctx: CallContext, json: string): Promise<Uint8Array> {
  const s = parseSnapshot(json);
  const version = await ctx.store.documents.templates.version(s.templateVersionId);
  if (!version) throw new Error(`template version ${s.templateVersionId} is missing`);
  return ctx.pdf.renderer().render(buildViewModel(s.data), { source: version.source }, await snapshotAssets(ctx, s));
}
