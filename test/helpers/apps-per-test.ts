import { afterEach } from 'vitest';
import { openTestApp, type TestApp } from './temp-app';

/** An opener of test apps that are all closed after each test of the file that calls this (at its top level). */
export function appsPerTest(): () => Promise<TestApp> {
  const opened: TestApp[] = [];
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.close();
  });
  return async () => {
    const t = await openTestApp();
    opened.push(t);
    return t;
  };
}
