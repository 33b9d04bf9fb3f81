// Which page the window may load besides the app's own: the Vite dev server, in a development build only.

/** Loopback hosts the dev server listens on. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server URL from `ELECTRON_RENDERER_URL`, or null. Only an unpackaged (development) build
 * honours it, and only for an http(s) address on this computer: a packaged app started with that
 * variable set would otherwise load any page with the full bridge.
 */
export function devRendererUrl(env: Readonly<Record<string, string | undefined>>, packaged: boolean): string | null {
  const raw = env.ELECTRON_RENDERER_URL;
  if (packaged || raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK.has(url.hostname)) return null;
  return raw;
}
