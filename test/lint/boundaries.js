// A local ESLint rule that enforces the house's import directions between the folders of src/.
// It resolves each relative import to the folder it lands in and checks it against ALLOWED.
import { dirname, relative, resolve, sep } from 'node:path';

/** Which src/ folders each folder may import from (besides itself). */
export const ALLOWED = {
  shared: [],
  core: [],
  db: ['shared', 'core'],
  documents: ['shared', 'core'],
  server: ['shared', 'core', 'db', 'documents'],
  host: ['shared', 'core', 'db', 'documents', 'server'],
  main: ['shared', 'core', 'db', 'documents', 'server', 'host'],
  preload: ['shared'],
  renderer: ['shared', 'core'],
};

/** Packages a folder must never import. */
export const FORBIDDEN_PACKAGES = {
  shared: [/^node:/, /^electron$/, /^better-sqlite3$/, /^drizzle-orm/, /^react/],
  core: [/^node:/, /^electron$/, /^better-sqlite3$/, /^drizzle-orm/, /^react/, /^pdfmake/],
  db: [/^electron$/, /^react/, /^pdfmake/],
  documents: [/^electron$/, /^react/, /^better-sqlite3$/, /^drizzle-orm/],
  server: [/^electron$/, /^react/],
  host: [/^electron$/, /^react/],
  main: [/^react/],
  preload: [/^node:/, /^better-sqlite3$/, /^drizzle-orm/, /^react/],
  renderer: [/^node:/, /^electron$/, /^better-sqlite3$/, /^drizzle-orm/, /^pdfmake/],
};

function areaOf(file, srcDir) {
  const rel = relative(srcDir, file);
  if (rel.startsWith('..')) return null;
  return rel.split(sep)[0];
}

/** The rule. Option: { srcDir }. Test files may not import 'electron' (it would download the binary). */
export const boundariesRule = {
  meta: { type: 'problem', schema: [{ type: 'object', properties: { srcDir: { type: 'string' } } }], messages: { denied: '{{from}} must not import {{to}}' } },
  create(context) {
    const srcDir = context.options[0]?.srcDir ?? resolve('src');
    const file = context.filename;
    const from = areaOf(file, srcDir);
    const isTest = !from && relative(resolve(srcDir, '..', 'test'), file).split(sep)[0] !== '..';
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (isTest) {
        if (source === 'electron' && !file.includes(`${sep}test${sep}electron${sep}`)) {
          context.report({ node, messageId: 'denied', data: { from: 'test', to: 'electron' } });
        }
        return;
      }
      if (!from || !(from in ALLOWED)) return;
      if (source.startsWith('.')) {
        const to = areaOf(resolve(dirname(file), source), srcDir);
        if (to && to !== from && !ALLOWED[from].includes(to)) {
          context.report({ node, messageId: 'denied', data: { from: `src/${from}`, to: `src/${to}` } });
        }
        // The renderer may use core only through its public face.
        if (from === 'renderer' && to === 'core' && !/core\/index$/.test(source)) {
          context.report({ node, messageId: 'denied', data: { from: 'src/renderer', to: `core internals (${source})` } });
        }
        return;
      }
      if (FORBIDDEN_PACKAGES[from].some((re) => re.test(source))) {
        context.report({ node, messageId: 'denied', data: { from: `src/${from}`, to: source } });
      }
    };
    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type' && from !== 'renderer') return;
        check(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value);
      },
    };
  },
};
