import { MONTHS_NOMINATIVE } from '../../../../core/index';

/** The current month 'YYYY-MM' by the computer's clock. */
export function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** 'YYYY-MM' moved by n months. */
export function shiftMonth(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** «Январь 2026». */
export function monthTitle(month: string): string {
  const name = MONTHS_NOMINATIVE[Number(month.slice(5, 7)) - 1] ?? month;
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${month.slice(0, 4)}`;
}

/** Months for a select: from `back` months ago to next month, newest first. */
export function monthOptions(back = 36, around = thisMonth()): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  for (let i = 1; i >= -back; i--) {
    const m = shiftMonth(around, i);
    out.push({ value: m, label: monthTitle(m) });
  }
  return out;
}

/** Reads a chosen file into base64 for the contract. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Saves base64 bytes as a file through a download link. */
export function downloadBase64(fileName: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
