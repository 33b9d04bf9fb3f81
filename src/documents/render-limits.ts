// Limits on what one template and one render may cost: section nesting, expanded size, time, memory.
import type Mustache from 'mustache';

/** Sections ({{#…}} / {{^…}}) nested deeper than this are refused when a template is validated. */
export const MAX_SECTION_DEPTH = 3;

/** The filled template (before layout) may not exceed this many characters (some 250 pages of text). */
export const MAX_OUTPUT_CHARS = 500_000;

/** A render that runs longer than this in its worker thread is stopped. */
export const RENDER_TIME_LIMIT_MS = 45_000;

/** The old-generation heap of one PDF worker thread, in megabytes. */
export const RENDER_HEAP_LIMIT_MB = 768;

/** A render refused or stopped by one of the limits; the message is for the person who asked. */
export class RenderLimitError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RenderLimitError';
  }
}

/** The message of a render that ran out of time. */
export function timeLimitMessage(limitMs: number): string {
  return `Документ формировался дольше ${Math.round(limitMs / 1000)} с и остановлен: упростите шаблон или разделите документ на несколько`;
}

/** The message of a render that ran out of memory. */
export function heapLimitMessage(limitMb: number): string {
  return `Документу не хватило памяти (предел ${limitMb} МБ) и он остановлен: упростите шаблон или разделите документ на несколько`;
}

/** The message of a filled template above the size limit. */
export function outputLimitMessage(limit: number): string {
  return `Документ получается слишком большим (более ${String(limit).replace(/\B(?=(\d{3})+$)/g, ' ')} знаков текста): упростите шаблон — повторяемые блоки не вкладывают друг в друга`;
}

type Spans = ReturnType<typeof Mustache.parse>;
type Token = Spans[number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Mustache's lookup: the nearest context that has the first segment, then the dotted path inside it. */
function lookup(name: string, stack: readonly unknown[]): unknown {
  if (name === '.') return stack[stack.length - 1];
  const [head, ...rest] = name.split('.');
  for (let i = stack.length - 1; i >= 0; i--) {
    const context = stack[i];
    if (!isRecord(context) || !(head in context)) continue;
    let value: unknown = context[head];
    for (const key of rest) value = isRecord(value) ? value[key] : undefined;
    return value;
  }
  return undefined;
}

function isFalsy(value: unknown): boolean {
  return value === undefined || value === null || value === false || value === '' || value === 0 || (Array.isArray(value) && value.length === 0);
}

/**
 * The size of the filled template, counted without filling it: text and values in characters, one
 * more per tag. Counting stops as soon as the sum passes `limit`, so the work is bounded by the limit
 * however the sections multiply.
 */
export function estimateOutputSize(tokens: Spans, view: unknown, limit = MAX_OUTPUT_CHARS): number {
  let total = 0;
  const visit = (list: readonly Token[], stack: readonly unknown[]): void => {
    for (const token of list) {
      if (total > limit) return;
      const [type, value] = token;
      total += 1;
      if (type === 'text') {
        total += value.length;
      } else if (type === 'name' || type === '&') {
        const v = lookup(value, stack);
        total += v === undefined || v === null ? 0 : String(v).length;
      } else if (type === '#' || type === '^') {
        const children = token[4];
        if (!Array.isArray(children)) continue;
        const v = lookup(value, stack);
        if (type === '^') {
          if (isFalsy(v)) visit(children, stack);
        } else if (Array.isArray(v)) {
          for (const item of v) {
            if (total > limit) return;
            visit(children, [...stack, item]);
          }
        } else if (!isFalsy(v)) {
          visit(children, isRecord(v) ? [...stack, v] : stack);
        }
      }
    }
  };
  visit(tokens, [view]);
  return total;
}

/** The deepest nesting of sections in a parsed template, with the opening offset of the first too deep. */
export function deepestSection(tokens: Spans, limit = MAX_SECTION_DEPTH): { depth: number; tooDeepAt: number | null } {
  let deepest = 0;
  let tooDeepAt: number | null = null;
  const visit = (list: readonly Token[], depth: number): void => {
    for (const token of list) {
      const [type, , start] = token;
      if (type !== '#' && type !== '^') continue;
      const here = depth + 1;
      deepest = Math.max(deepest, here);
      if (here > limit && tooDeepAt === null) tooDeepAt = start;
      const children = token[4];
      if (Array.isArray(children)) visit(children, here);
    }
  };
  visit(tokens, 0);
  return { depth: deepest, tooDeepAt };
}
