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

/** Contract kinds with a built-in consumer variant (`<kind>_consumer.tpl`): the text for a private person buying for personal needs. */
export const CONSUMER_TEMPLATE_KINDS: readonly DocumentKind[] = ['contract_supply', 'contract_services'];

/** The built-in consumer contract of a kind (ЗоЗПП: the consumer's court, no mandatory claim procedure, the law's penalties). */
export function loadBuiltInConsumerTemplate(kind: DocumentKind, resourcesDir: string = getResourcesDir()): DocumentTemplate {
  return readOnce(join(resourcesDir, 'templates', `${kind}_consumer.tpl`));
}

/** The built-in template of a kind (read once per resources directory). */
export function loadBuiltInTemplate(kind: DocumentKind, resourcesDir: string = getResourcesDir()): DocumentTemplate {
  return readOnce(builtInTemplatePath(kind, resourcesDir));
}

function readOnce(path: string): DocumentTemplate {
  const cached = cache.get(path);
  if (cached !== undefined) return cached;
  const template = { source: readFileSync(path, 'utf8') };
  cache.set(path, template);
  return template;
}
