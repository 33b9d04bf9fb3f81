import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Tests that each build what they need: they run in shuffled order every time, so none leans on another's rows. */
const INDEPENDENT = ['test/core/**/*.test.ts', 'test/server/**/*.test.ts'];

export default defineConfig({
  root,
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The JSON summary lets CI print a plain «N passed, N failed» closing line.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-results.json' }]],
    projects: [
      { extends: true, test: { name: 'independent', include: INDEPENDENT, sequence: { shuffle: true } } },
      // End-to-end stories and the rest keep their order within a file (a story's steps follow each other).
      { extends: true, test: { name: 'stories', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: [...configDefaults.exclude, ...INDEPENDENT] } },
    ],
  },
});
