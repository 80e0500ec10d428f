import { type ParseError, parse as parseJsonc } from 'jsonc-parser';
import type { Code, Heading, Html, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { DiagnosticSink } from '../diagnostics.js';
import { mendCutTables } from './cut-tables.js';
import { parseMarkdown } from './parse.js';
import { mendRowCells } from './row-cells.js';

export interface Link {
  readonly text: string;
  readonly url: string;
}

/** Text of a table cell or paragraph: inline code kept in backticks, plus the links and code spans it holds. */
export interface RichText {
  readonly text: string;
  readonly links: readonly Link[];
  readonly codes: readonly string[];
}

export interface DocTable {
  readonly line: number;
  readonly header: readonly string[];
  readonly rows: readonly { readonly line: number; readonly cells: readonly RichText[] }[];
}

export interface DocCode {
  readonly line: number;
  readonly lang: string;
  readonly value: string;
  /** Line of the first line of `value` (the line after the opening fence). */
  readonly valueLine: number;
}

/** A `<!-- { "blockType": … } -->` annotation and the block it qualifies (the next block). */
export interface Annotation {
  readonly line: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly target: Block | undefined;
}

export type Block =
  | { readonly kind: 'code'; readonly line: number; readonly code: DocCode }
  | { readonly kind: 'table'; readonly line: number; readonly table: DocTable }
  | { readonly kind: 'paragraph'; readonly line: number; readonly rich: RichText }
  | { readonly kind: 'include'; readonly line: number; readonly name: string; readonly url: string }
  | { readonly kind: 'list'; readonly line: number; readonly items: readonly RichText[] }
  | { readonly kind: 'quote'; readonly line: number; readonly rich: RichText }
  | { readonly kind: 'other'; readonly line: number };

export interface Section {
  readonly title: string;
  readonly depth: number;
  readonly line: number;
  readonly blocks: readonly Block[];
  readonly annotations: readonly Annotation[];
}

/** One markdown page, parsed once: everything later stages read comes from here. */
export interface DocPage {
  /** Path relative to the docs root, `/`-separated. */
  readonly file: string;
  readonly frontMatter: Readonly<Record<string, unknown>>;
  readonly title: string | undefined;
  readonly titleLine: number;
  /** Blocks before the first `##` heading (after the title). */
  readonly intro: Section;
  readonly sections: readonly Section[];
  readonly annotations: readonly Annotation[];
  /** Every link of the page's paragraphs, lists and tables, with its line. */
  readonly links: readonly { readonly url: string; readonly line: number }[];
}

const lineOf = (node: { position?: { start: { line: number } } | undefined }): number =>
  node.position?.start.line ?? 1;

export function richText(node: Nodes): RichText {
  const links: Link[] = [];
  const codes: string[] = [];
  const walk = (n: Nodes): string => {
    switch (n.type) {
      case 'text':
        return n.value;
      case 'inlineCode':
        codes.push(n.value);
        return `\`${n.value}\``;
      case 'link': {
        const text = n.children.map(walk).join('');
        links.push({ text, url: n.url });
        return text;
      }
      case 'break':
        return ' ';
      case 'html':
        return '';
      case 'image':
        return n.alt ?? '';
      default:
        return 'children' in n
          ? (n.children as Nodes[]).map(walk).join('')
          : 'value' in n
            ? String(n.value)
            : '';
    }
  };
  const text = walk(node).replace(/\s+/g, ' ').trim();
  return { text, links, codes };
}

function toTable(node: Table): DocTable {
  const [head, ...body] = node.children;
  return {
    line: lineOf(node),
    header: head ? head.children.map((c) => richText(c).text) : [],
    rows: body.map((row) => ({ line: lineOf(row), cells: row.children.map((c) => richText(c)) })),
  };
}

function toCode(node: Code): DocCode {
  const line = lineOf(node);
  return { line, lang: (node.lang ?? '').trim().toLowerCase(), value: node.value, valueLine: line + 1 };
}

// `[!INCLUDE [name](path)]`: the inner link is parsed as a link, so its text arrives without brackets.
const includePattern = /^\[!INCLUDE\s*\[?([^\]]*)\]?\s*\]$/i;

function toBlock(node: RootContent): Block | undefined {
  const line = lineOf(node);
  switch (node.type) {
    case 'code':
      return { kind: 'code', line, code: toCode(node) };
    case 'table':
      return { kind: 'table', line, table: toTable(node) };
    case 'paragraph': {
      const rich = richText(node as Paragraph);
      const include = includePattern.exec(rich.text.replace(/\s+/g, ' '));
      const url = rich.links[0]?.url;
      if (include && url) return { kind: 'include', line, name: include[1] ?? '', url };
      return { kind: 'paragraph', line, rich };
    }
    case 'html':
      return undefined;
    case 'blockquote':
      return { kind: 'quote', line, rich: richText(node) };
    case 'list':
      return { kind: 'list', line, items: node.children.map((item) => richText(item)) };
    default:
      return { kind: 'other', line };
  }
}

// An annotation is an HTML comment whose body starts with `{`; the body must be a JSON object.
/**
 * An annotation's JSON. `{ "blockType": "ignored" } // Note: …` (profilePhoto's pages) ends with the author's
 * comment, which is no defect: JSON that only comments spoil is read as JSON with comments.
 */
function readAnnotation(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const errors: ParseError[] = [];
    const value = parseJsonc(text, errors, { allowTrailingComma: false }) as unknown;
    return errors.length === 0 ? { ok: true, value } : { ok: false, message: (error as Error).message };
  }
}

const annotationPattern = /^<!--\s*(\{[\s\S]*?)\s*-->$/;

function readFrontMatter(root: Root, file: string, sink: DiagnosticSink): Record<string, unknown> {
  const first = root.children[0];
  if (first?.type !== 'yaml') return {};
  try {
    const data = parseYaml(first.value) as unknown;
    if (data === null || data === undefined) return {};
    if (typeof data !== 'object' || Array.isArray(data)) {
      sink.warn(
        'front-matter-invalid',
        'front matter is not a YAML mapping; it is ignored',
        file,
        lineOf(first),
      );
      return {};
    }
    return data as Record<string, unknown>;
  } catch (error) {
    sink.warn(
      'front-matter-invalid',
      `front matter is not valid YAML (${(error as Error).message.split('\n')[0]}); it is ignored`,
      file,
      lineOf(first),
    );
    return {};
  }
}

/** Parses a docs page into sections, blocks and annotations, reporting what cannot be read. */
export function readPage(file: string, text: string, sink: DiagnosticSink): DocPage {
  const root = parseMarkdown(text);
  const frontMatter = readFrontMatter(root, file, sink);
  let title: string | undefined;
  let titleLine = 1;
  const sections: {
    title: string;
    depth: number;
    line: number;
    blocks: Block[];
    annotations: Annotation[];
  }[] = [];
  const intro = { title: '', depth: 1, line: 1, blocks: [] as Block[], annotations: [] as Annotation[] };
  const annotations: Annotation[] = [];
  const links: { url: string; line: number }[] = [];
  let current = intro;
  let pending: { line: number; data: Record<string, unknown>; section: typeof intro }[] = [];

  for (const node of mendCutTables(root.children, text, file, sink)) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading') {
      const heading = richText(node as Heading).text;
      if (node.depth === 1 && title === undefined) {
        title = heading;
        titleLine = lineOf(node);
        continue;
      }
      if (node.depth >= 2) {
        current = { title: heading, depth: node.depth, line: lineOf(node), blocks: [], annotations: [] };
        sections.push(current);
        continue;
      }
    }
    if (node.type === 'html') {
      const match = annotationPattern.exec((node as Html).value.trim());
      if (match) {
        const data = readAnnotation(match[1] ?? '');
        if (data.ok) {
          if (typeof data.value === 'object' && data.value !== null && !Array.isArray(data.value)) {
            pending.push({
              line: lineOf(node),
              data: data.value as Record<string, unknown>,
              section: current,
            });
          }
        } else {
          sink.warn(
            'annotation-invalid-json',
            `annotation comment is not valid JSON (${data.message}); the block after it is read without it`,
            file,
            lineOf(node),
          );
        }
      }
      continue;
    }
    const read = toBlock(node);
    if (!read) continue;
    const block = read.kind === 'table' ? { ...read, table: mendRowCells(read.table, file, sink) } : read;
    if (block.kind === 'paragraph')
      for (const l of block.rich.links) links.push({ url: l.url, line: block.line });
    if (block.kind === 'list')
      for (const item of block.items)
        for (const l of item.links) links.push({ url: l.url, line: block.line });
    if (block.kind === 'table') {
      for (const row of block.table.rows)
        for (const cell of row.cells) for (const l of cell.links) links.push({ url: l.url, line: row.line });
    }
    current.blocks.push(block);
    for (const p of pending) {
      const annotation: Annotation = { line: p.line, data: p.data, target: block };
      p.section.annotations.push(annotation);
      annotations.push(annotation);
    }
    pending = [];
  }
  for (const p of pending) {
    const annotation: Annotation = { line: p.line, data: p.data, target: undefined };
    p.section.annotations.push(annotation);
    annotations.push(annotation);
  }
  return { file, frontMatter, title, titleLine, intro, sections, annotations, links };
}

/** The first section whose title matches, case-insensitively. */
export function findSection(page: DocPage, title: RegExp): Section | undefined {
  return page.sections.find((s) => title.test(s.title));
}
