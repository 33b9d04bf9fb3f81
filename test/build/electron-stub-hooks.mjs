// Module resolution hooks for the built-bundle test: `electron` resolves to electron-stub.mjs.
import { URL } from 'node:url';

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: new URL('./electron-stub.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
