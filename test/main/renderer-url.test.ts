import { describe, expect, it } from 'vitest';
import { devRendererUrl } from '../../src/main/renderer-url';

describe('the dev server URL', () => {
  it('is ignored by a packaged app, whatever the variable says', () => {
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeNull();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, true)).toBeNull();
  });

  it('is honoured by a development build for the dev server on this computer', () => {
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe('http://localhost:5173');
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }, false)).toBe('http://127.0.0.1:5173/');
  });

  it('refuses, even in development, a page elsewhere or another scheme', () => {
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false)).toBeNull();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost.evil.example:5173' }, false)).toBeNull();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'file:///tmp/page.html' }, false)).toBeNull();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'not a url' }, false)).toBeNull();
  });

  it('is absent when the variable is not set', () => {
    expect(devRendererUrl({}, false)).toBeNull();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: '' }, false)).toBeNull();
  });
});
