// A world built once and closed: each test opens its own copy of the folder, so tests share no rows
// and run alone or in any order (set-up hashes passwords slowly, so it is not rebuilt per test).
import { cpSync, rmSync } from 'node:fs';
import { openTestApp, tempDir, type TestApp } from './temp-app';

/** The built world and a way to open a private copy of it. */
export interface Template<W> {
  world: W;
  /** Opens a fresh copy of the world's folder on the same clock start. */
  open(): Promise<TestApp>;
  remove(): void;
}

/** Builds a world with `build` on a test app started at `start`, closes it and keeps its folder as the template. */
export async function buildTemplate<W>(build: (t: TestApp) => Promise<W>, start?: Date): Promise<Template<W>> {
  const t = await openTestApp(undefined, start);
  const world = await build(t);
  await t.app.store.close();
  await t.app.pdf.close();
  return {
    world,
    async open() {
      const copy = tempDir('sdelka-world-');
      cpSync(t.dir, copy, { recursive: true });
      return openTestApp(copy, start);
    },
    remove() {
      rmSync(t.dir, { recursive: true, force: true });
    },
  };
}
