import { join } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/temp-app';
import { boundariesRule } from './boundaries.js';

const srcDir = join(REPO, 'src');

function lint(file: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        plugins: { sdelka: { rules: { boundaries: boundariesRule } } },
        rules: { 'sdelka/boundaries': ['error', { srcDir }] },
      },
    ],
    join(REPO, file),
  );
  return messages.map((m) => m.message);
}

describe('the import-boundaries lint rule', () => {
  it('forbids the renderer from reaching into the database layer', () => {
    expect(lint('src/renderer/src/x.ts', "import { openStore } from '../../db/store';")).toEqual(['src/renderer must not import src/db']);
  });

  it('forbids the renderer from importing electron or node modules', () => {
    expect(lint('src/renderer/src/x.ts', "import { ipcRenderer } from 'electron';")).toHaveLength(1);
    expect(lint('src/renderer/src/x.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
  });

  it('lets the renderer use core only through its public face', () => {
    expect(lint('src/renderer/src/x.ts', "import { formatMoney } from '../../core/index';")).toEqual([]);
    expect(lint('src/renderer/src/x.ts', "import { formatMoney } from '../../core/format';")).toHaveLength(1);
  });

  it('keeps core pure and shared self-contained', () => {
    expect(lint('src/core/x.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(lint('src/core/x.ts', "import { contract } from '../shared/contract';")).toEqual(['src/core must not import src/shared']);
    expect(lint('src/shared/x.ts', "import { checkInn } from '../core/index';")).toHaveLength(1);
  });

  it('keeps electron out of the handlers and out of tests', () => {
    expect(lint('src/server/x.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(lint('test/server/x.test.ts', "import { app } from 'electron';")).toHaveLength(1);
  });

  it('allows the handlers to use db, core, documents and shared', () => {
    const code = ["import { a } from '../db/store';", "import { b } from '../core/index';", "import { c } from '../documents/render';", "import { d } from '../shared/contract';"].join('\n');
    expect(lint('src/server/x.ts', code)).toEqual([]);
  });
});
