import { createHash } from 'node:crypto';
import { imageInfo, validateMask } from '../../core/index';
import { MAX_IMAGE_SIDE, pngProblem } from '../../documents/index';
import { ORG_ASSET_KINDS, type NumberSeriesDto, type OrgAssetDto, type OrgAssetKind } from '../../shared/api/catalog';
import { DISCOUNT_HEADS } from '../../shared/api/document-types';
import { AppError, found } from '../app-error';
import { refuseStale, versionForUpdate } from '../stale';
import { requireUser, type CallContext } from '../context';
import type { HandlerMap } from '../handler-types';
import { seesCosts } from './access';
import { DEFAULT_MASK, printedNumber, SERIES_KEYS, SERIES_TITLES } from './series';
import { maxDaysAheadBySeries, seriesRuleText } from './series-rules';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MAX_IMAGE = 2 * 1024 * 1024;

function today(ctx: CallContext): string {
  return ctx.now().toISOString().slice(0, 10);
}

async function defaultOrgId(ctx: CallContext): Promise<number> {
  const orgs = await ctx.store.orgs.list();
  return found(orgs.find((o) => o.isDefault) ?? orgs[0], 'Сначала заполните сведения об организации').id;
}

async function seriesDto(ctx: CallContext, orgId: number, seriesKey: string, year: number): Promise<NumberSeriesDto> {
  const s = await ctx.store.documents.settings.oneSeries(orgId, seriesKey, year);
  const mask = s?.mask ?? DEFAULT_MASK;
  const lastNumber = s?.lastNumber ?? 0;
  const maxDaysAhead = (await maxDaysAheadBySeries(ctx)).get(seriesKey) ?? null;
  return {
    orgId,
    seriesKey,
    title: SERIES_TITLES[seriesKey] ?? seriesKey,
    year,
    mask,
    lastNumber,
    nextPreview: printedNumber(mask, lastNumber + 1, `${year}-01-01`),
    issuedMax: s?.issuedMax ?? (await ctx.store.documents.settings.issuedMax(orgId, seriesKey, year)),
    maxDaysAhead,
    rule: seriesRuleText(seriesKey, maxDaysAhead),
  };
}

function assetDto(a: { id: number; kind: OrgAssetKind; uploadedAt: string; png: Uint8Array }): OrgAssetDto {
  const mime = imageInfo(a.png)?.format === 'jpeg' ? 'image/jpeg' : 'image/png';
  return { id: a.id, kind: a.kind, uploadedAt: a.uploadedAt, dataUrl: `data:${mime};base64,${Buffer.from(a.png).toString('base64')}` };
}

/** A logo: PNG or JPEG, 32…4000 pixels a side (it prints about 5 cm wide, 1,5 cm high). */
function assertLogo(bytes: Uint8Array): void {
  const info = imageInfo(bytes);
  if (!info) throw new AppError('VALIDATION', 'Логотип: нужно изображение PNG или JPEG');
  if (info.width < 32 || info.height < 32) throw new AppError('VALIDATION', `Логотип ${info.width}×${info.height} пикселей слишком мал: нужно не меньше 32×32`);
  if (info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE) {
    throw new AppError('VALIDATION', `Логотип ${info.width}×${info.height} пикселей слишком велик: не больше ${MAX_IMAGE_SIDE} по стороне — уменьшите его`);
  }
  const problem = info.format === 'png' ? pngProblem(bytes) : null;
  if (problem !== null) throw new AppError('VALIDATION', `Логотип: ${problem}`);
}

/** The stamp or the facsimile: a PNG that reads in full, of a sensible size. */
function assertStampImage(kind: 'stamp' | 'signature', bytes: Uint8Array): void {
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new AppError('VALIDATION', 'Нужно изображение в формате PNG (лучше с прозрачным фоном)');
  const problem = pngProblem(bytes);
  if (problem !== null) throw new AppError('VALIDATION', `${kind === 'stamp' ? 'Печать' : 'Подпись'}: ${problem}`);
}

/** Справочники: goods and services, price lists, the internal price list, numbering, stamp and signature. */
export const catalogHandlers: HandlerMap<
  | 'catalog.list'
  | 'catalog.save'
  | 'priceLists.list'
  | 'priceLists.save'
  | 'discountLimits.list'
  | 'discountLimits.mine'
  | 'discountLimits.save'
  | 'numberSeries.list'
  | 'numberSeries.save'
  | 'numberSeries.saveRule'
  | 'orgAssets.list'
  | 'orgAssets.upload'
  | 'orgAssets.remove'
> = {
  async 'catalog.list'(input, ctx) {
    const items = await ctx.store.documents.catalog.list({ onDate: input.onDate ?? today(ctx), includeInactive: input.includeInactive });
    return seesCosts(requireUser(ctx)) ? items : items.map((i) => ({ ...i, costKopecks: null }));
  },
  async 'catalog.save'(input, ctx) {
    const version = versionForUpdate(input.id, input.version);
    return found(await refuseStale(() => ctx.store.documents.catalog.save(ctx.actor, input.id, input.item, version)), 'Позиция не найдена');
  },
  async 'priceLists.list'(_input, ctx) {
    return ctx.store.documents.catalog.priceLists();
  },
  async 'priceLists.save'(input, ctx) {
    if (input.effectiveTo !== null && input.effectiveTo < input.effectiveFrom) {
      throw new AppError('VALIDATION', 'Дата окончания действия прайс-листа раньше даты начала', [{ path: 'effectiveTo', message: 'Раньше даты начала' }]);
    }
    const ids = new Set<number>();
    for (const item of input.items) {
      if (ids.has(item.catalogItemId)) throw new AppError('VALIDATION', 'Позиция встречается в прайс-листе дважды');
      ids.add(item.catalogItemId);
    }
    const { id, version, ...values } = input;
    const expected = versionForUpdate(id, version);
    return found(await refuseStale(() => ctx.store.documents.catalog.savePriceList(ctx.actor, id, values, expected)), 'Прайс-лист не найден');
  },
  async 'discountLimits.list'(_input, ctx) {
    return ctx.store.documents.settings.limits();
  },
  async 'discountLimits.mine'(_input, ctx) {
    return ctx.store.documents.settings.limit(requireUser(ctx).role);
  },
  async 'discountLimits.save'(input, ctx) {
    // The heads can never lock themselves out of approving: their own limits stay with the director.
    if (requireUser(ctx).role !== 'director' && DISCOUNT_HEADS.includes(input.role)) {
      throw new AppError('FORBIDDEN', 'Лимиты руководителей меняет директор');
    }
    const { version, ...limit } = input;
    return refuseStale(() => ctx.store.documents.settings.saveLimit(ctx.actor, limit, version));
  },
  async 'numberSeries.list'(input, ctx) {
    const orgId = input.orgId ?? (await defaultOrgId(ctx));
    const year = input.year ?? Number(today(ctx).slice(0, 4));
    const out: NumberSeriesDto[] = [];
    for (const key of SERIES_KEYS) out.push(await seriesDto(ctx, orgId, key, year));
    return out;
  },
  async 'numberSeries.save'(input, ctx) {
    if (!SERIES_KEYS.includes(input.seriesKey)) throw new AppError('VALIDATION', 'Неизвестная серия номеров');
    found(await ctx.store.orgs.get(input.orgId), 'Организация не найдена');
    const problems = validateMask(input.mask);
    if (problems.length > 0) throw new AppError('VALIDATION', `Маска номера: ${problems.join('; ')}`, [{ path: 'mask', message: problems[0] }]);
    const current = await seriesDto(ctx, input.orgId, input.seriesKey, input.year);
    const lastNumber = input.nextNumber - 1;
    if (lastNumber < Math.max(current.lastNumber, current.issuedMax)) {
      throw new AppError('VALIDATION', `Следующий номер не может быть меньше ${Math.max(current.lastNumber, current.issuedMax) + 1}: номера уже выданы, нумерация без пропусков и повторов`, [
        { path: 'nextNumber', message: 'Номер уже выдан' },
      ]);
    }
    await ctx.store.documents.settings.saveSeries(ctx.actor, { orgId: input.orgId, seriesKey: input.seriesKey, year: input.year, mask: input.mask, lastNumber });
    return seriesDto(ctx, input.orgId, input.seriesKey, input.year);
  },
  async 'numberSeries.saveRule'(input, ctx) {
    if (!SERIES_KEYS.includes(input.seriesKey)) throw new AppError('VALIDATION', 'Неизвестная серия номеров');
    await ctx.store.documents.seriesRules.save(ctx.actor, input.seriesKey, input.maxDaysAhead);
    return { seriesKey: input.seriesKey, maxDaysAhead: input.maxDaysAhead, rule: seriesRuleText(input.seriesKey, input.maxDaysAhead) };
  },
  async 'orgAssets.list'(input, ctx) {
    const out: OrgAssetDto[] = [];
    for (const kind of ORG_ASSET_KINDS) {
      const a = await ctx.store.documents.settings.activeAsset(input.orgId, kind);
      if (a) out.push(assetDto(a));
    }
    return out;
  },
  async 'orgAssets.upload'(input, ctx) {
    found(await ctx.store.orgs.get(input.orgId), 'Организация не найдена');
    const png = new Uint8Array(Buffer.from(input.pngBase64, 'base64'));
    if (png.length > MAX_IMAGE) throw new AppError('VALIDATION', 'Изображение больше 2 МБ — уменьшите его');
    if (input.kind === 'logo') assertLogo(png);
    else assertStampImage(input.kind, png);
    const sha256 = createHash('sha256').update(png).digest('hex');
    return assetDto(found(await ctx.store.documents.settings.uploadAsset(ctx.actor, { orgId: input.orgId, kind: input.kind, png, sha256 }), 'Не сохранено'));
  },
  async 'orgAssets.remove'(input, ctx) {
    return { removed: await ctx.store.documents.settings.removeAsset(ctx.actor, input.orgId, input.kind) };
  },
};
