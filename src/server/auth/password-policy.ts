// The password rule beyond length (the contract's schema): not a commonly used password.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../app-error';

const lists = new Map<string, ReadonlySet<string>>();

/** The list of common passwords shipped in resources/ (one a line, compared without case). */
function commonPasswords(resourcesDir: string): ReadonlySet<string> {
  let list = lists.get(resourcesDir);
  if (list === undefined) {
    const text = readFileSync(join(resourcesDir, 'common-passwords.txt'), 'utf8');
    list = new Set(
      text
        .split('\n')
        .map((line) => line.trim().toLowerCase())
        .filter((line) => line !== '' && !line.startsWith('#')),
    );
    lists.set(resourcesDir, list);
  }
  return list;
}

/** One character repeated, or a run of neighbouring characters (1234567890, abcdefghij, 9876543210). */
function isTrivial(password: string): boolean {
  const codes = [...password.toLowerCase()].map((c) => c.codePointAt(0) ?? 0);
  const steps = new Set(codes.slice(1).map((c, i) => c - codes[i]));
  return steps.size === 1 && [...steps].every((s) => Math.abs(s) <= 1);
}

/** Refuses a password that is common or trivial, naming the field. */
export function assertPasswordAcceptable(password: string, resourcesDir: string, field = 'password'): void {
  if (isTrivial(password) || commonPasswords(resourcesDir).has(password.toLowerCase())) {
    throw new AppError('VALIDATION', 'Этот пароль слишком распространён — его подбирают первым. Придумайте другой', [
      { path: field, message: 'Слишком распространённый пароль' },
    ]);
  }
}
