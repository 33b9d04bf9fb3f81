// A QR code's mask chosen without pdfmake's search, giving the code pdfmake's search gives.
//
// pdfmake (qrEnc.js) tries the eight masks of the QR standard on the encoded matrix, scores each by
// JIS X 0510 §8.8.2 and keeps the first lowest; that search is most of a new payment code's cost.
// Masking flips the data modules where the mask's pattern is set and writes the mask into the
// format modules, so for one version and error-correction level the modules that differ between
// mask 0 and mask m are the same whatever the payload. They are learned once per version and level
// from pdfmake's own codes with each fixed mask (and the choice made here is checked against
// pdfmake's search for that first code; on a mismatch this path is never used again). Each new
// code then costs pdfmake's generation with mask 0, eight scorings (pdfmake's, on flat arrays) and
// the canvas pdfmake would build from the chosen matrix. Nothing here depends on a document's data
// but the code being drawn.
import { isRecord } from './fast-path-kit';

const MASKS = 8;
/** At most this many version/level pairs are kept (40 versions × 4 levels exist; a document uses one or two). */
const MAX_CALIBRATIONS = 16;

/** A code as pdfmake drew it with a fixed mask: its modules row by row, and the canvas geometry. */
type Drawn = { matrix: Uint8Array; n: number; modSize: number; offset: number; size: number };

/** Per version and level: the modules that differ from mask 0, for each mask. */
const flipsByKind = new Map<string, Uint8Array[]>();
let usable = true;

function drawn(measure: (node: object) => unknown, node: Record<string, unknown>, mask: number): { canvas: Record<string, unknown>[]; drawn: Drawn } | null {
  const copy: Record<string, unknown> = { ...node, mask };
  measure(copy);
  const canvas = copy._canvas;
  const size = copy._width;
  if (!Array.isArray(canvas) || !canvas.every(isRecord) || canvas.length < 2 || typeof size !== 'number') return null;
  const modSize = canvas[1].w;
  if (typeof modSize !== 'number' || modSize <= 0) return null;
  const offset = modSize * (typeof node.padding === 'number' ? node.padding : 0);
  const n = (size - 2 * offset) / modSize;
  if (!Number.isInteger(n) || n < 21) return null;
  const matrix = new Uint8Array(n * n);
  for (let k = 1; k < canvas.length; k++) {
    const x = canvas[k].x;
    const y = canvas[k].y;
    if (typeof x !== 'number' || typeof y !== 'number') return null;
    const j = (x - offset) / modSize;
    const i = (y - offset) / modSize;
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= n || j >= n) return null;
    matrix[i * n + j] = 1;
  }
  return { canvas, drawn: { matrix, n, modSize, offset, size } };
}

/** pdfmake's evaluategroup: runs of five or more, and finder-like patterns. */
function groupScore(groups: Int32Array, length: number): number {
  let score = 0;
  for (let i = 0; i < length; ++i) if (groups[i] >= 5) score += 3 + (groups[i] - 5);
  for (let i = 5; i < length; i += 2) {
    const p = groups[i];
    const after = i + 1 < length ? groups[i + 1] : -1;
    if (groups[i - 1] === p && groups[i - 2] === 3 * p && groups[i - 3] === p && groups[i - 4] === p && (groups[i - 5] >= 4 * p || after >= 4 * p)) score += 40;
  }
  return score;
}

/** Alternating white/black run lengths of `n` modules from `start`, `step` apart, after an empty white run; returns the count. */
function runs(m: Uint8Array, start: number, step: number, n: number, groups: Int32Array): number {
  let length = 1;
  groups[0] = 0;
  let at = start;
  for (let j = 0; j < n; ) {
    let k = 0;
    while (j < n && m[at]) {
      ++k;
      ++j;
      at += step;
    }
    groups[length++] = k;
    k = 0;
    while (j < n && !m[at]) {
      ++k;
      ++j;
      at += step;
    }
    groups[length++] = k;
  }
  return length;
}

/** pdfmake's evaluatematrix on a flat matrix (lower is better). */
function matrixScore(m: Uint8Array, n: number, groups: Int32Array): number {
  let score = 0;
  let blacks = 0;
  for (let i = 0; i < n; ++i) {
    score += groupScore(groups, runs(m, i * n, 1, n, groups));
    score += groupScore(groups, runs(m, i, n, n, groups));
    const row = i * n;
    const next = row + n;
    const last = i + 1 >= n;
    blacks += m[row];
    for (let j = 1; j < n; ++j) {
      const p = m[row + j];
      blacks += p;
      // The last row has no next row (pdfmake compares with an empty one).
      if (!last && m[row + j - 1] === p && m[next + j] === p && m[next + j - 1] === p) score += 3;
    }
  }
  return score + 10 * ((Math.abs(blacks / n / n - 0.5) / 0.05) | 0);
}

/** The canvas pdfmake's buildCanvas makes of a matrix. */
function canvasOf(node: Record<string, unknown>, d: Drawn, matrix: Uint8Array): Record<string, unknown>[] {
  const background = node.background || '#fff';
  const foreground = node.foreground || '#000';
  const canvas: Record<string, unknown>[] = [{ type: 'rect', x: 0, y: 0, w: d.size, h: d.size, lineWidth: 0, color: background }];
  for (let i = 0; i < d.n; ++i) {
    for (let j = 0; j < d.n; ++j) {
      if (matrix[i * d.n + j]) canvas.push({ type: 'rect', x: d.modSize * j + d.offset, y: d.modSize * i + d.offset, w: d.modSize, h: d.modSize, lineWidth: 0, color: foreground });
    }
  }
  return canvas;
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let k = 0; k < a.length; k++) out[k] = a[k] ^ b[k];
  return out;
}

function sameCanvas(a: unknown, b: unknown[]): boolean {
  return Array.isArray(a) && a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

/** Learns the flips of a version and level from pdfmake's codes of `node` with each fixed mask, and checks the choice against pdfmake's search. */
function calibrate(measure: (node: object) => unknown, node: Record<string, unknown>, base: Drawn): Uint8Array[] | null {
  const flips: Uint8Array[] = [new Uint8Array(base.matrix.length)];
  for (let mask = 1; mask < MASKS; mask++) {
    const other = drawn(measure, node, mask);
    if (other === null || other.drawn.n !== base.n) return null;
    flips.push(xor(other.drawn.matrix, base.matrix));
  }
  const searched: Record<string, unknown> = { ...node };
  measure(searched);
  return sameCanvas(searched._canvas, canvasOf(node, base, bestMatrix(base, flips))) ? flips : null;
}

function bestMatrix(base: Drawn, flips: Uint8Array[]): Uint8Array {
  // At most n + 2 runs of a row or column, plus the empty first one.
  const groups = new Int32Array(2 * base.n + 4);
  let best = base.matrix;
  let bestScore = matrixScore(base.matrix, base.n, groups);
  for (let mask = 1; mask < MASKS; mask++) {
    const candidate = xor(base.matrix, flips[mask]);
    const score = matrixScore(candidate, base.n, groups);
    // The first lowest wins, as in pdfmake.
    if (bestScore > score) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

/**
 * Measures a QR node as pdfmake's qrEnc.measure (`measure`, the original) does: the same canvas and
 * sizes on the node; false when this path does not apply and pdfmake's own measure should run.
 */
export function measureQrWithoutSearch(measure: (node: object) => unknown, node: Record<string, unknown>): boolean {
  // A padding that is not a number is multiplied by pdfmake as JavaScript does; left to pdfmake.
  if (!usable || (node.padding !== undefined && typeof node.padding !== 'number')) return false;
  const base = drawn(measure, node, 0);
  if (base === null) return false;
  const kind = `${base.drawn.n}:${String(node.eccLevel || 'L').toUpperCase()}`;
  let flips = flipsByKind.get(kind);
  if (flips === undefined) {
    const learned = calibrate(measure, node, base.drawn);
    if (learned === null) {
      usable = false;
      return false;
    }
    if (flipsByKind.size >= MAX_CALIBRATIONS) flipsByKind.clear();
    flipsByKind.set(kind, learned);
    flips = learned;
  }
  const canvas = canvasOf(node, base.drawn, bestMatrix(base.drawn, flips));
  const size = base.drawn.size;
  node._canvas = canvas;
  node._width = node._height = node._minWidth = node._maxWidth = node._minHeight = node._maxHeight = size;
  return true;
}

/** The version/level pairs learned so far, or null once this path has been given up (tests check it is in use). */
export function learnedQrKinds(): string[] | null {
  return usable ? [...flipsByKind.keys()].sort() : null;
}
