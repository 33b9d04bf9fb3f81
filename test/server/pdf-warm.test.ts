// The first document after start: a worker-backed PDF service starts its renderer when someone signs in
// (not at start-up, not at the first click), once; an in-process service waits for the first document.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src/documents/index';
import { lazyPdfService } from '../../src/server/pdf-service';
import { openTestApp, RESOURCES, setUpOffice, signInAs, type TestApp } from '../helpers/temp-app';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
});
afterEach(async () => {
  await t.close();
});

function countingService(warmOnSignIn: boolean): { made: () => number; service: ReturnType<typeof lazyPdfService> } {
  let made = 0;
  const service = lazyPdfService(() => {
    made++;
    return createPdfRenderer({ inline: true, resourcesDir: RESOURCES });
  }, { warmOnSignIn });
  return { made: () => made, service };
}

describe('warming the PDF renderer', () => {
  it('starts a warming service’s renderer at sign-in, once, and renders with that one', async () => {
    const { made, service } = countingService(true);
    await t.app.pdf.close();
    t.app.pdf = service;
    await t.ok('auth.logout', {});
    expect(made()).toBe(0);
    await signInAs(t, 'manager');
    expect(made()).toBe(1);
    await signInAs(t, 'director');
    expect(made()).toBe(1);
    expect(service.renderer()).toBe(service.renderer());
    expect(made()).toBe(1);
  });

  it('starts it while someone types on the sign-in screen, before anyone has signed in', async () => {
    const { made, service } = countingService(true);
    await t.app.pdf.close();
    t.app.pdf = service;
    await t.ok('auth.logout', {});
    expect(await t.ok('auth.prepare', {})).toBeNull();
    expect(made()).toBe(1);
    await t.ok('auth.prepare', {});
    await signInAs(t, 'manager');
    expect(made()).toBe(1);
  });

  it('leaves an in-process service alone until the first document', async () => {
    const { made, service } = countingService(false);
    await t.app.pdf.close();
    t.app.pdf = service;
    await signInAs(t, 'manager');
    expect(made()).toBe(0);
    service.renderer();
    expect(made()).toBe(1);
  });
});
