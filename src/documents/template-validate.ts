// Checks a template before it is saved: Mustache syntax, placeholders of the kind, directives.
import Mustache from 'mustache';
import { DIRECTIVES_BY_KIND, DOCUMENT_KIND_TITLES, isDirectiveName, type DocumentKind } from './kinds';
import { directiveNameOf } from './markup';
import { findPlaceholder, type Placeholder } from './placeholders';
import { deepestSection, MAX_SECTION_DEPTH } from './render-limits';

/** A problem in a template, 1-based line and column, message in Russian. */
export type TemplateError = { line: number; column: number; message: string };

type Spans = ReturnType<typeof Mustache.parse>;

class Locator {
  private readonly starts: number[] = [0];

  constructor(source: string) {
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') this.starts.push(i + 1);
  }

  at(offset: number, message: string): TemplateError {
    let line = 0;
    while (line + 1 < this.starts.length && this.starts[line + 1] <= offset) line++;
    return { line: line + 1, column: offset - this.starts[line] + 1, message };
  }
}

function checkDirectives(source: string, kind: DocumentKind): TemplateError[] {
  const allowed = DIRECTIVES_BY_KIND[kind];
  const errors: TemplateError[] = [];
  source.split('\n').forEach((line, index) => {
    // A directive may sit inside a section on the same line: {{#vat.none}}::stamp{{/vat.none}}.
    const name = directiveNameOf(line) ?? directiveNameOf(line.replace(/\{\{[^}]*\}\}\}?/g, ''));
    if (name === null) return;
    const column = line.indexOf('::') + 1;
    const list = allowed.map((d) => `::${d}`).join(', ');
    if (!isDirectiveName(name)) {
      errors.push({ line: index + 1, column, message: `Неизвестная директива «::${name}». Доступны: ${list}` });
    } else if (!allowed.includes(name)) {
      errors.push({ line: index + 1, column, message: `Директива «::${name}» не используется в документе «${DOCUMENT_KIND_TITLES[kind]}». Доступны: ${list}` });
    }
  });
  return errors;
}

function openingTagOffset(source: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`\\{\\{\\s*[#^]\\s*${escaped}\\s*\\}\\}`, 'g');
  let last = 0;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) last = m.index;
  return last;
}

function unclosedTagOffset(source: string): number {
  for (let i = source.indexOf('{{'); i >= 0; i = source.indexOf('{{', i + 2)) {
    const close = source.indexOf('}}', i + 2);
    const nextOpen = source.indexOf('{{', i + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) return i;
  }
  return Math.max(0, source.length - 1);
}

/** Turns Mustache's English parse error (with a character offset) into a located Russian message. */
function mustacheError(source: string, error: unknown, at: Locator): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  let m = /^Unclosed tag at (\d+)/.exec(message);
  if (m) return at.at(unclosedTagOffset(source), 'Незакрытый тег: после «{{» нет «}}»');
  m = /^Unopened section "(.*)" at (\d+)/.exec(message);
  if (m) return at.at(Number(m[2]), `Закрывающий тег {{/${m[1]}}} без открывающего {{#${m[1]}}}`);
  m = /^Unclosed section "(.*)" at (\d+)/.exec(message);
  if (m) {
    const offset = Number(m[2]);
    if (offset < source.length) {
      return at.at(offset, `Блок {{#${m[1]}}} закрыт чужим тегом: ожидался {{/${m[1]}}}`);
    }
    return at.at(openingTagOffset(source, m[1]), `Блок {{#${m[1]}}} не закрыт: нет {{/${m[1]}}}`);
  }
  return at.at(0, `Ошибка в шаблоне: ${message}`);
}

type Resolution = { entry: Placeholder } | { error: string };

function resolveName(name: string, stack: readonly string[], kind: DocumentKind): Resolution {
  const contexts = [...stack].reverse().concat('');
  let outsideList: Placeholder | undefined;
  for (const context of contexts) {
    const entry = findPlaceholder(context === '' ? name : `${context}.${name}`);
    if (entry === undefined) continue;
    if (entry.itemOf !== undefined && !stack.includes(entry.itemOf)) {
      outsideList = entry;
      continue;
    }
    if (!entry.kinds.includes(kind)) {
      return { error: `Поле {{${name}}} недоступно в документе «${DOCUMENT_KIND_TITLES[kind]}»` };
    }
    return { entry };
  }
  if (outsideList?.itemOf !== undefined) {
    const list = outsideList.itemOf;
    return { error: `Поле {{${name}}} доступно только внутри блока {{#${list}}}…{{/${list}}}` };
  }
  return { error: `Неизвестное поле {{${name}}}` };
}

function walk(tokens: Spans, stack: readonly string[], kind: DocumentKind, at: Locator, errors: TemplateError[]): void {
  for (const token of tokens) {
    const [type, value, start] = token;
    if (type === 'text' || type === '!') continue;
    if (type === '>') {
      errors.push(at.at(start, 'Вставка других шаблонов ({{> …}}) не поддерживается'));
      continue;
    }
    if (type === '=') {
      errors.push(at.at(start, 'Смена разделителей ({{= … =}}) не поддерживается'));
      continue;
    }
    if (type === '&') {
      errors.push(at.at(start, `Вставка без экранирования не поддерживается: пишите {{${value}}}`));
      continue;
    }
    if (value === '.') {
      if (stack.length === 0) errors.push(at.at(start, '{{.}} допустимо только внутри повторяемого блока'));
      continue;
    }
    const resolved = resolveName(value, stack, kind);
    if ('error' in resolved) {
      errors.push(at.at(start, resolved.error));
    } else if (type === 'name' && (resolved.entry.type === 'list' || resolved.entry.type === 'object')) {
      errors.push(at.at(start, `{{${value}}} — это блок: используйте {{#${value}}}…{{/${value}}}`));
    }
    const children = token[4];
    if ((type === '#' || type === '^') && Array.isArray(children)) {
      const entry = 'entry' in resolved ? resolved.entry : undefined;
      const opensContext = type === '#' && entry !== undefined && (entry.type === 'list' || entry.type === 'object');
      walk(children, opensContext && entry ? [...stack, entry.path] : stack, kind, at, errors);
    }
  }
}

/** Every problem in a template for a kind; an empty array means it can be saved and rendered. */
export function validateTemplate(source: string, kind: DocumentKind): TemplateError[] {
  const at = new Locator(source);
  const errors = checkDirectives(source, kind);
  let tokens: Spans;
  try {
    tokens = Mustache.parse(source);
  } catch (error) {
    errors.push(mustacheError(source, error, at));
    return sortErrors(errors);
  }
  walk(tokens, [], kind, at, errors);
  const nesting = deepestSection(tokens);
  if (nesting.tooDeepAt !== null) {
    errors.push(
      at.at(nesting.tooDeepAt, `Блоки {{#…}} вложены слишком глубоко: уровней вложенности ${nesting.depth}, допускается не больше ${MAX_SECTION_DEPTH}`),
    );
  }
  return sortErrors(errors);
}

function sortErrors(errors: TemplateError[]): TemplateError[] {
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Thrown by rendering when the template does not validate. */
export class TemplateInvalidError extends Error {
  readonly errors: TemplateError[];

  constructor(errors: TemplateError[]) {
    const first = errors[0];
    super(first ? `Шаблон содержит ошибки: строка ${first.line}, позиция ${first.column}: ${first.message}` : 'Шаблон содержит ошибки');
    this.name = 'TemplateInvalidError';
    this.errors = errors;
  }
}
