// Built-in templates shipped in `<resources>/templates/<kind>.tpl`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getResourcesDir } from './fonts';
import type { DocumentKind } from './kinds';
import type { DocumentTemplate } from './render';

const cache = new Map<string, DocumentTemplate>();

/** Path of a kind's built-in template file. */
export function builtInTemplatePath(kind: DocumentKind, resourcesDir: string = getResourcesDir()): string {
  return join(resourcesDir, 'templates', `${kind}.tpl`);
}

/** The built-in template of a kind (read once per resources directory). */
export function loadBuiltInTemplate(kind: DocumentKind, resourcesDir: string = getResourcesDir()): DocumentTemplate {
  const path = builtInTemplatePath(kind, resourcesDir);
  const cached = cache.get(path);
  if (cached !== undefined) return cached;
  const template = { source: readFileSync(path, 'utf8') };
  cache.set(path, template);
  return template;
}
