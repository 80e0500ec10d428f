import type { DiagnosticSink } from '../diagnostics.js';
import type { SourceRef } from '../ir/types.js';
import { type Block, type DocPage, type DocTable, findSection, type RichText } from '../markdown/page.js';
import { headerIndex, namespaceOf, possibleValues, readWrittenType, type WrittenType } from './common.js';
import { removalDate } from './deprecation.js';
import { describeJsonDefects, parseLenientJson } from './json-text.js';
import { reportSwappedDescriptions } from './swapped-descriptions.js';

export interface WrittenProperty {
  readonly name: string;
  readonly deprecated: boolean;
  /** When the page says when a deprecated property goes: `2025-10-15`. */
  readonly removalDate: string | undefined;
  readonly type: WrittenType;
  readonly description: RichText;
  readonly enumMembers: readonly string[] | undefined;
  /** `Inherited from [X](link)` in the description. */
  readonly inheritedFrom: { readonly name: string; readonly link: string | undefined } | undefined;
  readonly source: SourceRef;
}

/** What a resource page says, as written (names not yet resolved against other pages). */
export interface ResourceDoc {
  readonly file: string;
  readonly namespace: string | undefined;
  /** Full name from the annotation (`@odata.type`), else namespace + title. */
  readonly name: string;
  readonly baseType:
    | { readonly name: string; readonly link: string | undefined; readonly line: number }
    | undefined;
  readonly abstract: boolean;
  readonly openType: boolean;
  readonly keyProperty: string | undefined;
  readonly description: string;
  readonly properties: readonly WrittenProperty[];
  readonly relationships: readonly WrittenProperty[];
  /** Types a "Base type of [x](…), [y](…)" sentence names: the page's type is their base. */
  readonly derivedTypes: readonly {
    readonly name: string;
    readonly link: string | undefined;
    readonly line: number;
  }[];
  /** The API pages the Methods table links, in its order: the operations the page says the type offers. */
  readonly methods: readonly { readonly text: string; readonly url: string; readonly line: number }[];
  /** Property names in the JSON representation, when it parses. */
  readonly jsonProperties: readonly string[] | undefined;
  readonly source: SourceRef;
}

/**
 * "Inherited from [X](link)", "Inherited from [microsoft.graph.ns.x](link)" or "Inherited from x." in a
 * property description: the type the property is declared on. A full name keeps its dots.
 */
function readInheritedFrom(description: RichText): WrittenProperty['inheritedFrom'] {
  const at = description.text.search(/\binherited from\s/i);
  if (at < 0) return undefined;
  const after = description.text.slice(at).replace(/^inherited from\s+/i, '');
  const link = description.links.find((l) => l.text && after.startsWith(l.text));
  const name = link?.text ?? /^[A-Za-z_][\w.]*\w/.exec(after.replace(/^`/, ''))?.[0];
  return name ? { name: name.replace(/[[\]`]/g, '').trim(), link: link?.url } : undefined;
}

function readPropertyTable(
  table: DocTable,
  file: string,
  sink: DiagnosticSink,
  what: string,
): WrittenProperty[] {
  const nameCol = headerIndex(table.header, /^(property|relationship|name)$/i);
  const typeCol = headerIndex(table.header, /^type$/i);
  const descCol = headerIndex(table.header, /^description$/i);
  if (nameCol < 0 || typeCol < 0) {
    sink.warn(
      'table-unrecognised',
      `the ${what} table has no Property/Type columns (${table.header.join(' | ')}); it is skipped`,
      file,
      table.line,
    );
    return [];
  }
  const properties: WrittenProperty[] = [];
  for (const row of table.rows) {
    const nameCell = row.cells[nameCol];
    const typeCell = row.cells[typeCol];
    const description = row.cells[descCol] ?? { text: '', links: [], codes: [] };
    // "name (deprecated)": the parenthesis qualifies the property, it is not part of its name.
    const qualifier = /\(([^)]*)\)\s*$/.exec(nameCell?.text ?? '')?.[1]?.toLowerCase();
    const name =
      nameCell?.text
        .replace(/\([^)]*\)\s*$/, '')
        .replace(/[`*\\]/g, '')
        .trim() ?? '';
    const type = typeCell ? readWrittenType(typeCell) : undefined;
    if (!name || !/^[@A-Za-z_][\w.@]*$/.test(name) || !type) {
      sink.warn(
        'table-stray-row',
        `a row of the ${what} table does not name a property and a type ('${row.cells.map((c) => c.text).join(' | ')}'); it is skipped`,
        file,
        row.line,
      );
      continue;
    }
    const inheritedFrom = readInheritedFrom(description);
    properties.push({
      name,
      deprecated: qualifier === 'deprecated' || /\bdeprecated\b/i.test(description.text),
      removalDate: removalDate(description.text),
      type,
      description,
      enumMembers: possibleValues(description),
      inheritedFrom,
      source: { file, line: row.line },
    });
  }
  reportSwappedDescriptions(properties, sink, what);
  return properties;
}

/**
 * A note on the page ("> The `x` property is deprecated and will be removed on October 15, 2025.") marks the
 * properties it names in code spans deprecated, with the removal date it gives.
 */
function withNotedDeprecations(properties: WrittenProperty[], blocks: readonly Block[]): WrittenProperty[] {
  const notes = blocks.flatMap((b) =>
    (b.kind === 'quote' || b.kind === 'paragraph') && /\bdeprecated\b/i.test(b.rich.text)
      ? b.rich.text.split(/(?<=\.)\s+(?=[A-Z>])/).filter((sentence) => /\bdeprecated\b/i.test(sentence))
      : [],
  );
  if (notes.length === 0) return properties;
  return properties.map((p) => {
    const note = notes.find((n) => n.includes(`\`${p.name}\``));
    if (!note) return p;
    return { ...p, deprecated: true, removalDate: p.removalDate ?? removalDate(note) };
  });
}

/** Reads a resource page (`doc_type: resourcePageType`). */
export function readResourcePage(page: DocPage, sink: DiagnosticSink): ResourceDoc | undefined {
  const file = page.file;
  const ns = namespaceOf(page);
  const resourceAnnotation = page.annotations.find((a) => a.data.blockType === 'resource');
  const annotatedName =
    typeof resourceAnnotation?.data['@odata.type'] === 'string'
      ? resourceAnnotation.data['@odata.type']
      : undefined;
  const titleName = /^\s*(\S+)\s+resource type/i.exec(page.title ?? '')?.[1];
  let name = annotatedName?.replace(/^#/, '');
  if (!name && titleName) name = ns ? `${ns.namespace}.${titleName}` : titleName;
  if (!name) {
    sink.warn(
      'resource-unnamed',
      'resource page has neither a resource annotation nor a "<name> resource type" title; it is skipped',
      file,
      page.titleLine,
    );
    return undefined;
  }
  if (!resourceAnnotation) {
    sink.warn(
      'resource-annotation-missing',
      `no "blockType": "resource" annotation; the type name ${name} comes from the title`,
      file,
      page.titleLine,
    );
  }
  if (titleName && annotatedName && !annotatedName.endsWith(`.${titleName}`)) {
    sink.warn(
      'resource-name-mismatch',
      `title names ${titleName} but the annotation names ${annotatedName}; the annotation wins`,
      file,
      page.titleLine,
    );
  }

  const introParagraphs = page.intro.blocks.filter((b) => b.kind === 'paragraph');
  const inherits = introParagraphs.find((b) => /^Inherits from/i.test(b.rich.text));
  const annotatedBase =
    typeof resourceAnnotation?.data.baseType === 'string' ? resourceAnnotation.data.baseType : undefined;
  let baseType: ResourceDoc['baseType'];
  if (annotatedBase)
    baseType = {
      name: annotatedBase.replace(/^#/, ''),
      link: inherits?.rich.links[0]?.url,
      line: resourceAnnotation?.line ?? 1,
    };
  else if (inherits) {
    const link = inherits.rich.links[0];
    const written = (link?.text ?? inherits.rich.text.replace(/^Inherits from\s*/i, '')).replace(
      /[.\s]+$/,
      '',
    );
    baseType = { name: written, link: link?.url, line: inherits.line };
  }
  if (annotatedBase && inherits) {
    const prose = inherits.rich.links[0]?.text ?? '';
    if (prose && !annotatedBase.toLowerCase().endsWith(prose.toLowerCase().split('.').pop() ?? '')) {
      sink.warn(
        'base-type-mismatch',
        `"Inherits from ${prose}" disagrees with baseType ${annotatedBase}; the annotation wins`,
        file,
        inherits.line,
      );
    }
  }
  const derivedTypes = introParagraphs
    .filter((b) => /^Base type (?:of|for)\b/i.test(b.rich.text))
    .flatMap((b) =>
      b.rich.links.map((l) => ({ name: l.text.replace(/[`*]/g, '').trim(), link: l.url, line: b.line })),
    );
  // "This is an abstract type. Implementations of this type include:" and a list of links to the subtypes
  // (security host): the list names them as "Base type of" does.
  page.intro.blocks.forEach((block, i) => {
    const next = page.intro.blocks[i + 1];
    if (block.kind !== 'paragraph' || next?.kind !== 'list') return;
    if (!/\b(?:implementations|subtypes|derived types) of this type (?:include|are)\b/i.test(block.rich.text))
      return;
    for (const item of next.items)
      for (const l of item.links.filter((l) => /resources\/|^[\w.-]+\.md$/i.test(l.url)))
        derivedTypes.push({ name: l.text.replace(/[`*]/g, '').trim(), link: l.url, line: next.line });
  });
  const description = introParagraphs
    .filter((b) => !/^(Namespace:|Inherits from|Base type (?:of|for)\b|\[!INCLUDE)/i.test(b.rich.text))
    .map((b) => b.rich.text)
    .join(' ');
  // "This is an abstract type", "An abstract base type for …", "This type is abstract."
  const abstract =
    (/\babstract\b/i.test(description) && !/\bnot (?:an )?abstract\b/i.test(description)) ||
    resourceAnnotation?.data.abstract === true;

  const propertiesSection = findSection(page, /^properties$/i);
  const propertyTable = propertiesSection?.blocks.find((b) => b.kind === 'table');
  const properties = withNotedDeprecations(
    propertyTable?.kind === 'table' ? readPropertyTable(propertyTable.table, file, sink, 'Properties') : [],
    [...page.intro.blocks, ...(propertiesSection?.blocks ?? [])],
  );
  if (
    propertiesSection &&
    !propertyTable &&
    !propertiesSection.blocks.some((b) => b.kind === 'paragraph' && /^none\.?$/i.test(b.rich.text))
  ) {
    sink.warn('properties-empty', 'the Properties section has no table', file, propertiesSection.line);
  }
  const methodsTable = findSection(page, /^methods$/i)?.blocks.find((b) => b.kind === 'table');
  const methods =
    methodsTable?.kind === 'table'
      ? methodsTable.table.rows.flatMap((row) => {
          const link = row.cells[0]?.links.find((l) => /\.md(#.*)?$/i.test(l.url));
          return link ? [{ text: link.text, url: link.url, line: row.line }] : [];
        })
      : [];
  const relationshipsSection = findSection(page, /^relationships$/i);
  const relationshipTable = relationshipsSection?.blocks.find((b) => b.kind === 'table');
  const relationships =
    relationshipTable?.kind === 'table'
      ? readPropertyTable(relationshipTable.table, file, sink, 'Relationships')
      : [];

  let jsonProperties: string[] | undefined;
  const json = resourceAnnotation?.target;
  if (json?.kind === 'code') {
    const parsed = parseLenientJson(json.code.value);
    if (!parsed.ok) {
      sink.warn(
        'json-representation-invalid',
        `the JSON representation does not parse (${describeJsonDefects(parsed.defects, json.code.valueLine)}); its property names are not checked`,
        file,
        json.code.valueLine + (parsed.defects[0]?.line ?? 1) - 1,
      );
    } else {
      if (parsed.repairs.length > 0)
        sink.info(
          'json-representation-repaired',
          `the JSON representation is not valid JSON as written (${describeJsonDefects(parsed.repairs, json.code.valueLine)}); read as evidently meant`,
          file,
          json.code.valueLine + (parsed.repairs[0]?.line ?? 1) - 1,
        );
      const value = parsed.value;
      if (value && typeof value === 'object' && !Array.isArray(value)) jsonProperties = Object.keys(value);
    }
  }
  const keyProperty =
    typeof resourceAnnotation?.data.keyProperty === 'string'
      ? resourceAnnotation.data.keyProperty
      : undefined;
  return {
    file,
    namespace: ns?.namespace,
    name,
    baseType,
    abstract,
    openType: resourceAnnotation?.data.openType === true,
    keyProperty,
    description,
    properties,
    relationships,
    derivedTypes,
    methods,
    jsonProperties,
    source: { file, line: resourceAnnotation?.line ?? page.titleLine },
  };
}
