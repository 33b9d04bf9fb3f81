// Builders for bank statement test files: the reference sample as lines, and encoders for
// Windows-1251 and CP866 made by inverting TextDecoder over all 256 byte values.
import { expect } from 'vitest';
import type { BankStatement, BankStatementResult } from '../../src/core';
import { referenceBytes, statementExpectation } from './reference';

const encoders = new Map<string, Map<string, number>>();

function tableFor(label: string): Map<string, number> {
  const cached = encoders.get(label);
  if (cached) return cached;
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
  }
  encoders.set(label, table);
  return table;
}

/** Encodes text in a single-byte encoding ('windows-1251', 'ibm866'); fails on a character it lacks. */
export function encodeWith(label: string, text: string): Uint8Array {
  const table = tableFor(label);
  return new Uint8Array(
    [...text].map((ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`${label} has no byte for ${JSON.stringify(ch)}`);
      return b;
    }),
  );
}

/** The reference statement as lines (split on CRLF; the last element is '' after the final CRLF). */
export function sampleLines(): string[] {
  return new TextDecoder('windows-1251').decode(referenceBytes(statementExpectation.file)).split('\r\n');
}

/** Lines joined with CRLF and encoded in Windows-1251, like a real bank export. */
export function withLines(lines: readonly string[]): Uint8Array {
  return encodeWith('windows-1251', lines.join('\r\n'));
}

/** The statement of a successful parse; fails the test with the parser's message otherwise. */
export function mustParse(result: BankStatementResult): BankStatement {
  if (!result.ok) expect.fail(result.error.message);
  return result.statement;
}
