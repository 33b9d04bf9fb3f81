// Scans of signed documents: which files are accepted, judged by their bytes, never by their name.

/** The largest scan accepted: 20 MB. */
export const SCAN_MAX_BYTES = 20 * 1024 * 1024;

/** The kinds of scan accepted. */
export type ScanMime = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The file extension each kind is stored with. */
export const SCAN_EXTENSIONS: Readonly<Record<ScanMime, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The kind of a file from its first bytes (%PDF, FF D8 FF, the PNG signature), or null. */
export function sniffScanMime(bytes: Uint8Array): ScanMime | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  return null;
}

/** A scan accepted (its kind and extension) or refused with a Russian message. */
export type ScanCheck = { ok: true; mime: ScanMime; ext: string } | { ok: false; message: string };

function shortName(name: string): string {
  const clean = [...name].filter((ch) => ch >= ' ').join('').trim() || 'без имени';
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}

/** Checks a file offered as a scan: not empty, at most 20 MB, and a PDF, JPG or PNG by its bytes. */
export function checkScanFile(name: string, bytes: Uint8Array): ScanCheck {
  const shown = shortName(name);
  if (bytes.length === 0) return { ok: false, message: `Файл «${shown}» пуст` };
  if (bytes.length > SCAN_MAX_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1).replace('.', ',');
    return { ok: false, message: `Файл «${shown}» весит ${mb} МБ, а можно не больше 20 МБ: уменьшите разрешение скана или разделите его` };
  }
  const mime = sniffScanMime(bytes);
  if (mime === null) return { ok: false, message: `Файл «${shown}» не похож на PDF, JPG или PNG: прикрепите скан в одном из этих форматов` };
  return { ok: true, mime, ext: SCAN_EXTENSIONS[mime] };
}
