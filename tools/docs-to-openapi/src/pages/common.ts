import type { Primitive } from '../ir/types.js';
import type { DocPage, RichText } from '../markdown/page.js';

/** A type as a docs table writes it, before names are resolved against the corpus. */
export interface WrittenType {
  readonly text: string;
  readonly name: string;
  readonly collection: boolean;
  readonly link: string | undefined;
}

const primitiveNames: Record<string, Primitive> = Object.fromEntries(
  (
    [
      'String',
      'Boolean',
      'Int16',
      'Int32',
      'Int64',
      'Byte',
      'Double',
      'Single',
      'Decimal',
      'DateTimeOffset',
      'Date',
      'TimeOfDay',
      'Duration',
      'Guid',
      'Binary',
      'Stream',
    ] as const
  ).flatMap((p) => [
    [p.toLowerCase(), p],
    [`edm.${p.toLowerCase()}`, p],
  ]),
);
primitiveNames.timestamp = 'DateTimeOffset';
primitiveNames.bool = 'Boolean';
primitiveNames.integer = 'Int32';

export function primitiveOf(name: string): Primitive | undefined {
  return primitiveNames[name.trim().toLowerCase()];
}

/** Reads `String`, `X collection`, `Collection(X)`, `[X](link)`, `[X](link) collection`. */
export function readWrittenType(cell: RichText): WrittenType | undefined {
  let text = cell.text.replace(/`/g, '').trim();
  if (!text) return undefined;
  let collection = false;
  const wrapped = /^collection\s*\(\s*(.+?)\s*\)$/i.exec(text);
  if (wrapped?.[1]) {
    text = wrapped[1];
    collection = true;
  }
  const suffix = /^(.+?)\s+collection\.?$/i.exec(text);
  if (suffix?.[1]) {
    text = suffix[1];
    collection = true;
  }
  const name = text.replace(/\s+/g, '').replace(/\.$/, '');
  return { text: cell.text, name, collection, link: cell.links[0]?.url };
}

/** `Namespace: microsoft.graph.x` from the intro of a page. */
export function namespaceOf(page: DocPage): { namespace: string; line: number } | undefined {
  for (const block of page.intro.blocks) {
    if (block.kind !== 'paragraph') continue;
    const match = /^Namespace:\s*([A-Za-z0-9_.]+)/.exec(block.rich.text);
    if (match?.[1]) return { namespace: match[1], line: block.line };
  }
  return undefined;
}

/**
 * The members listed after "The possible values are: …", "Possible values: …", "Supported values are …"
 * (inline code spans), if the text has such a sentence.
 */
export function possibleValues(cell: RichText): string[] | undefined {
  const at = cell.text.search(/\b(?:possible|supported|allowed|valid) values(?:\s+(?:are|include))?\s*:?/i);
  if (at < 0) return undefined;
  // The list ends with its sentence: "… `unknownFutureValue`. Use `null` to …" names no more members.
  const tail = cell.text.slice(at).split(/(?<=`)\.\s|\.\s+(?=[A-Z])/)[0] ?? '';
  const members = [...tail.matchAll(/`([^`]+)`/g)]
    .map((m) => (m[1] ?? '').trim())
    .filter((m) => /^[A-Za-z_][\w]*$/.test(m));
  return members.length > 0 ? members : undefined;
}

/** True for pages still in draft: TODO placeholders in the front matter or the title. */
export function isDraftMetadata(page: DocPage): boolean {
  const values = Object.values(page.frontMatter).map(String);
  return values.some((v) => /\bTODO\b/.test(v)) || /\bTODO\b/.test(page.title ?? '');
}

export function headerIndex(header: readonly string[], name: RegExp): number {
  return header.findIndex((h) => name.test(h.trim()));
}
