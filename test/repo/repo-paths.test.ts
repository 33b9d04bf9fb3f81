// Nothing under src/ or test/ reads a path outside the repository: no relative path climbing above the
// root, no absolute path of a machine. Excepted: the browser locator's standard install locations (the one
// list of machine paths the repository keeps); the system temp folder is reached through os.tmpdir().
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/temp-app';

/** Files allowed to spell machine paths, each with the reason; nothing in them reads those paths. */
const EXCEPTED = new Map([
  [join('test', 'helpers', 'chromium.ts'), 'the browser locator: the standard install locations'],
  [join('test', 'repo', 'chromium-locator.test.ts'), "the locator's tests: a simulated file system, nothing read"],
  [join('test', 'build', 'hardening.test.ts'), 'URLs the app must refuse to open (file:///etc/passwd), never read'],
  [join('test', 'main', 'renderer-url.test.ts'), 'renderer URLs a packaged app must refuse to load (file:///tmp/page.html), never read'],
]);
const SCANNED = /\.(ts|tsx|js|mjs|cjs)$/;
const SYSTEM_ROOTS = 'usr|etc|home|work|tmp|var|opt|Users|Applications|Library|Volumes|private|snap|mnt|media|root|proc|srv|bin|sbin|lib|shared';
const ABSOLUTE = new RegExp(`^(?:/(?:${SYSTEM_ROOTS})(?:/|$)|~/|[A-Za-z]:[\\\\/]|file:///)`);
const CLIMBING = /^\.\.(?:\/|\\|$)/;
const LITERAL = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;

/** Each string literal of the text that names a path outside `root` when read from `file`'s folder. */
export function outsidePaths(root: string, file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(LITERAL)) {
    const literal = m[1] ?? m[2] ?? (m[3] ?? '').split('${')[0] ?? '';
    if (ABSOLUTE.test(literal)) found.push(literal);
    else if (CLIMBING.test(literal) && relative(root, resolve(dirname(file), literal)).split(sep)[0] === '..') found.push(literal);
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(path);
    return SCANNED.test(e.name) ? [path] : [];
  });
}

describe('paths the code reads', () => {
  it('stay inside the repository in every file under src/ and test/', () => {
    const offenders = ['src', 'test']
      .flatMap((d) => filesUnder(join(REPO, d)))
      .filter((f) => !EXCEPTED.has(relative(REPO, f)))
      .flatMap((f) => outsidePaths(REPO, f, readFileSync(f, 'utf8')).map((p) => `${relative(REPO, f)}: ${p}`));
    expect(offenders).toEqual([]);
  });

  it('catches a climb above the root, an absolute path and a Windows path, and lets the inside ones through', () => {
    const root = join(sep, 'r', 'repo');
    const file = join(root, 'test', 'core', 'x.ts');
    const climb = '../'.repeat(3) + 'shared/reference/a.json';
    const text = [
      `new URL('${climb}', import.meta.url)`,
      `const b = "${'/'}usr/bin/chromium";`,
      `const c = \`${'/'}work/shared/\${name}\`;`,
      `const d = 'C:${'\\\\'}Users${'\\\\'}me';`,
      `new URL('../fixtures/a.json', import.meta.url); join(here, '../../resources'); const route = '/reports/work-stats';`,
    ].join('\n');
    expect(outsidePaths(root, file, text)).toEqual([climb, `${'/'}usr/bin/chromium`, `${'/'}work/shared/`, `C:${'\\\\'}Users${'\\\\'}me`]);
  });
});
