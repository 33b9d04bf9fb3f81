// The line-oriented layout markup (see TEMPLATES.md), parsed after Mustache has filled the values.

/** A run of text with its emphasis. */
export type MarkupInline = { text: string; bold: boolean; italics: boolean };

/** One block of the parsed markup; every source line yields exactly one block. */
export type MarkupBlock =
  | { type: 'heading'; level: 1 | 2 | 3; number: string | null; inlines: MarkupInline[] }
  | { type: 'paragraph'; align: 'justify' | 'right' | 'center'; inlines: MarkupInline[] }
  | { type: 'split'; left: MarkupInline[]; right: MarkupInline[] }
  | { type: 'field'; cells: MarkupInline[][] }
  | { type: 'clause'; number: string; depth: number; inlines: MarkupInline[] }
  | { type: 'bullet'; inlines: MarkupInline[] }
  | { type: 'rule' }
  | { type: 'blank' }
  | { type: 'directive'; name: string };

type InlineToken = { kind: 'text'; text: string } | { kind: 'strong' | 'em'; paired: boolean };

function tokenizeInline(source: string): InlineToken[] {
  const tokens: InlineToken[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\' && i + 1 < source.length) {
      text += source[i + 1];
      i++;
    } else if (ch === '*' && source[i + 1] === '*') {
      flush();
      tokens.push({ kind: 'strong', paired: false });
      i++;
    } else if (ch === '*') {
      flush();
      tokens.push({ kind: 'em', paired: false });
    } else {
      text += ch;
    }
  }
  flush();
  return tokens;
}

/** Pairs `**`/`*` delimiters left to right; a delimiter without a partner stays literal text. */
function pairDelimiters(tokens: InlineToken[]): void {
  const open: { strong: number; em: number } = { strong: -1, em: -1 };
  tokens.forEach((token, i) => {
    if (token.kind === 'text') return;
    const opened = open[token.kind];
    if (opened >= 0) {
      const opener = tokens[opened];
      if (opener.kind !== 'text') opener.paired = true;
      token.paired = true;
      open[token.kind] = -1;
    } else {
      open[token.kind] = i;
    }
  });
}

/** Splits one line of text into runs by `**bold**` and `*italic*`; `\` escapes the next character. */
export function parseInline(source: string): MarkupInline[] {
  const tokens = tokenizeInline(source);
  pairDelimiters(tokens);
  const runs: MarkupInline[] = [];
  let bold = false;
  let italics = false;
  const push = (text: string): void => {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.bold === bold && last.italics === italics) last.text += text;
    else runs.push({ text, bold, italics });
  };
  for (const token of tokens) {
    if (token.kind === 'text') push(token.text);
    else if (!token.paired) push(token.kind === 'strong' ? '**' : '*');
    else if (token.kind === 'strong') bold = !bold;
    else italics = !italics;
  }
  return runs;
}

/** Index of the first `|` not escaped with a backslash, or -1. */
function splitBarIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') return i;
  }
  return -1;
}

/** Splits `| a | b |` into its cells (the leading bar is already removed; a trailing one is optional). */
function splitCells(text: string): string[] {
  const cells: string[] = [];
  let rest = text;
  for (let bar = splitBarIndex(rest); bar >= 0; bar = splitBarIndex(rest)) {
    cells.push(rest.slice(0, bar).trim());
    rest = rest.slice(bar + 1);
  }
  if (rest.trim() !== '' || cells.length === 0) cells.push(rest.trim());
  return cells;
}

const HEADING = /^(#{1,3})\s+(.*)$/;
const NUMBERED = /^(\d+(?:\.\d+)*)\.\s+(.*)$/;
const DIRECTIVE = /^::([A-Za-z][\w-]*)\s*$/;

/** Legal-style numbering: `1.`, `1.1.`, `1.1.1.`; the written numbers only give the depth. */
class ClauseCounter {
  private counters: number[] = [];

  next(depth: number): string {
    while (this.counters.length < depth) this.counters.push(this.counters.length < depth - 1 ? 1 : 0);
    this.counters.length = depth;
    this.counters[depth - 1] += 1;
    return `${this.counters.join('.')}.`;
  }
}

function depthOf(number: string): number {
  return number.split('.').length;
}

function parseLine(raw: string, counter: ClauseCounter): MarkupBlock {
  const line = raw.trim();
  if (line === '') return { type: 'blank' };
  const directive = DIRECTIVE.exec(line);
  if (directive) return { type: 'directive', name: directive[1] };
  if (line === '---') return { type: 'rule' };
  const heading = HEADING.exec(line);
  if (heading) {
    const level = heading[1].length === 1 ? 1 : heading[1].length === 2 ? 2 : 3;
    const numbered = level === 2 ? NUMBERED.exec(heading[2]) : null;
    if (numbered) {
      return { type: 'heading', level, number: counter.next(depthOf(numbered[1])), inlines: parseInline(numbered[2]) };
    }
    return { type: 'heading', level, number: null, inlines: parseInline(heading[2]) };
  }
  const numbered = NUMBERED.exec(line);
  if (numbered) {
    const depth = depthOf(numbered[1]);
    return { type: 'clause', number: counter.next(depth), depth, inlines: parseInline(numbered[2]) };
  }
  if (line.startsWith('<>')) {
    const rest = line.slice(2).trim();
    const bar = splitBarIndex(rest);
    const left = bar < 0 ? rest : rest.slice(0, bar).trim();
    const right = bar < 0 ? '' : rest.slice(bar + 1).trim();
    return { type: 'split', left: parseInline(left), right: parseInline(right) };
  }
  if (line.startsWith('|')) return { type: 'field', cells: splitCells(line.slice(1)).map(parseInline) };
  if (line.startsWith('- ') || line.startsWith('• ')) return { type: 'bullet', inlines: parseInline(line.slice(2)) };
  if (line.startsWith('>')) return { type: 'paragraph', align: 'right', inlines: parseInline(line.slice(1).trim()) };
  if (line.startsWith('^')) return { type: 'paragraph', align: 'center', inlines: parseInline(line.slice(1).trim()) };
  return { type: 'paragraph', align: 'justify', inlines: parseInline(line) };
}

/** Parses filled-in template text into blocks, numbering clauses and numbered headings. */
export function parseMarkup(text: string): MarkupBlock[] {
  const counter = new ClauseCounter();
  return text.split(/\r?\n/).map((line) => parseLine(line, counter));
}

/** If a directive line: its name (known or not). Used by validation on the raw template. */
export function directiveNameOf(line: string): string | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('::')) return null;
  const match = DIRECTIVE.exec(trimmed);
  return match ? match[1] : trimmed.slice(2);
}

const LINE_MARKER = /^(\s*)(#|>|\^|- |• |<>|::|---|\d+(?:\.\d+)*\.\s)/;

/** Mustache escape function: values never turn into markup (bold markers, headings, directives). */
export function escapeMarkupValue(value: unknown): string {
  const text = String(value).replace(/[\\*|]/g, (ch) => `\\${ch}`);
  return text
    .split(/\r?\n/)
    .map((line) => (LINE_MARKER.test(line) ? `\\${line.replace(/^\s+/, '')}` : line))
    .join('\n');
}
