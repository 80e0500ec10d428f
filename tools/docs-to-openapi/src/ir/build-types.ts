import { compareCodePoints, editDistance } from '@sds-toolkit/openapi-model';
import type { DiagnosticSink } from '../diagnostics.js';
import { primitiveOf, type WrittenType } from '../pages/common.js';
import type { ResourceDoc, WrittenProperty } from '../pages/resource.js';
import type { LinkResolver } from './links.js';
import { namespaceOfName, recase, shortName, words } from './names.js';
import type { EnumIR, NavigationIR, PropertyIR, SourceRef, TypeIR, TypeRef } from './types.js';

/** Resolves type names as pages write them (links, full or short names, wrong casing, typos) to known types. */
export class TypeNames {
  private readonly byFull = new Map<string, ResourceDoc>();
  private readonly byShort = new Map<string, ResourceDoc[]>();
  private readonly byFile = new Map<string, ResourceDoc>();
  private readonly byNamespace = new Map<string, ResourceDoc[]>();
  readonly vocabulary = new Set<string>();
  readonly enumNames = new Map<string, string>();

  constructor(
    docs: readonly ResourceDoc[],
    private readonly links: LinkResolver,
    private readonly sink: DiagnosticSink,
  ) {
    for (const doc of docs) {
      this.byFull.set(doc.name.toLowerCase(), doc);
      const short = shortName(doc.name).toLowerCase();
      this.byShort.set(short, [...(this.byShort.get(short) ?? []), doc]);
      this.byFile.set(doc.file, doc);
      const ns = namespaceOfName(doc.name);
      this.byNamespace.set(ns, [...(this.byNamespace.get(ns) ?? []), doc]);
      for (const w of words(shortName(doc.name))) this.vocabulary.add(w);
      for (const p of [...doc.properties, ...doc.relationships])
        for (const w of words(p.name)) this.vocabulary.add(w);
    }
  }

  docOf(name: string): ResourceDoc | undefined {
    return this.byFull.get(name.toLowerCase());
  }

  /** The resource documented by the page a link points to. */
  linkTarget(fromFile: string, url: string, line: number): ResourceDoc | undefined {
    const path = this.links.resolve(fromFile, url, line);
    if (path) return this.byFile.get(path);
    if (/(^|\/)(resources|api)\//i.test(url) || /^[\w.-]+\.md$/i.test(url))
      this.links.reportMissing(fromFile, url, line);
    return undefined;
  }

  /**
   * Full name for a written type name. `context` is the namespace of the page that wrote it.
   * Reports casing differences, typos and link/text disagreements it corrects.
   */
  resolve(
    written: string,
    link: string | undefined,
    context: string | undefined,
    file: string,
    line: number,
  ): string {
    const name = written.replace(/^#/, '');
    if (link) {
      const target = this.linkTarget(file, link, line);
      if (target) {
        if (shortName(name).toLowerCase() !== shortName(target.name).toLowerCase()) {
          this.sink.warn(
            'type-name-mismatch',
            `'${name}' links to the page of ${target.name}; using ${target.name}`,
            file,
            line,
          );
        } else if (shortName(name) !== shortName(target.name)) {
          this.sink.warn(
            'type-name-casing',
            `'${name}' is written ${target.name} on its own page; using ${target.name}`,
            file,
            line,
          );
        }
        return target.name;
      }
    }
    const full = this.byFull.get(name.toLowerCase());
    if (full) {
      if (full.name !== name && name.includes('.')) {
        this.sink.warn(
          'type-name-casing',
          `'${name}' is written ${full.name} on its own page; using ${full.name}`,
          file,
          line,
        );
      }
      return full.name;
    }
    const short = this.byShort.get(shortName(name).toLowerCase());
    if (short?.length === 1 && short[0]) return short[0].name;
    const enumName = this.enumNames.get(name.toLowerCase());
    if (enumName) return enumName;
    // A typo of a documented type of the same namespace (one or two letters off) is corrected, and said.
    const wanted = shortName(name).toLowerCase();
    const namespace = name.includes('.') ? namespaceOfName(name) : context;
    const candidates =
      wanted.length > 6
        ? (this.byNamespace.get(namespace ?? '') ?? []).filter((d) => {
            const known = shortName(d.name).toLowerCase();
            return Math.abs(known.length - wanted.length) <= 2 && editDistance(known, wanted) <= 2;
          })
        : [];
    if (candidates.length === 1 && candidates[0]) {
      this.sink.warn(
        'type-name-typo',
        `'${name}' is not a documented type; assuming ${candidates[0].name}`,
        file,
        line,
      );
      return candidates[0].name;
    }
    const ns = name.includes('.')
      ? namespaceOfName(name)
      : link && !/-/.test(link.split('/').pop() ?? '')
        ? 'microsoft.graph'
        : (context ?? 'microsoft.graph');
    const bare = shortName(name);
    if (bare === bare.toLowerCase() && bare.length > 6) {
      const recased = recase(bare, this.vocabulary);
      if (recased) {
        this.sink.warn(
          'type-name-recased',
          `type name '${bare}' is all lowercase; the words of the corpus make it '${recased}'`,
          file,
          line,
        );
        return `${ns}.${recased}`;
      }
      this.sink.warn(
        'type-name-lowercase',
        `type name '${bare}' is all lowercase, which Graph type names never are; check its casing`,
        file,
        line,
      );
    }
    return `${ns}.${bare}`;
  }
}

interface Draft {
  doc: ResourceDoc | undefined;
  name: string;
  baseType: string | undefined;
  abstract: boolean;
  keyProperty: string | undefined;
  properties: PropertyIR[];
  navigations: NavigationIR[];
  source: SourceRef;
}

function isReadOnly(property: WrittenProperty, key: string | undefined): boolean {
  return property.name === key || /\bread-?only\b/i.test(property.description.text);
}

/** Resource pages → types and enums: names resolved, inheritance linked, inherited properties moved to bases. */
export function buildTypes(
  docs: readonly ResourceDoc[],
  names: TypeNames,
  sink: DiagnosticSink,
): { types: TypeIR[]; enums: EnumIR[] } {
  const enums = new Map<string, { name: string; members: string[]; source: SourceRef }>();
  const drafts = new Map<string, Draft>();

  const typeRef = (written: WrittenType, property: WrittenProperty, context: string | undefined): TypeRef => {
    const primitive = primitiveOf(written.name);
    if (primitive && !written.link)
      return { kind: 'primitive', name: primitive, collection: written.collection };
    const { file, line } = property.source;
    if (property.enumMembers && !names.docOf(written.name)) {
      const name = names.resolve(written.name, undefined, context, file, line);
      const known = enums.get(name.toLowerCase());
      if (known) {
        const added = property.enumMembers.filter((m) => !known.members.includes(m));
        if (added.length > 0) {
          sink.info(
            'enum-members-differ',
            `${name} lists members here that it lists nowhere else: ${added.join(', ')}`,
            file,
            line,
          );
          known.members.push(...added);
        }
      } else {
        enums.set(name.toLowerCase(), { name, members: [...property.enumMembers], source: property.source });
        names.enumNames.set(name.toLowerCase(), name);
        names.enumNames.set(shortName(name).toLowerCase(), name);
      }
      return { kind: 'named', name, collection: written.collection };
    }
    return {
      kind: 'named',
      name: names.resolve(written.name, written.link, context, file, line),
      collection: written.collection,
    };
  };

  // Enums first, so that properties typed by an enum name without "possible values" still resolve to it.
  for (const doc of docs)
    for (const p of doc.properties)
      if (p.enumMembers && !primitiveOf(p.type.name)) typeRef(p.type, p, doc.namespace);

  for (const doc of docs) {
    if (drafts.has(doc.name.toLowerCase())) {
      sink.warn(
        'type-duplicate',
        `${doc.name} is also documented by ${drafts.get(doc.name.toLowerCase())?.doc?.file}; this page is ignored`,
        doc.file,
        doc.source.line,
      );
      continue;
    }
    const properties = doc.properties.map((p) => ({
      name: p.name,
      type: typeRef(p.type, p, doc.namespace),
      description: p.description.text,
      readOnly: isReadOnly(p, doc.keyProperty),
      deprecated: p.deprecated,
      source: p.source,
    }));
    const navigations = doc.relationships.map((r) => {
      const type = typeRef(r.type, r, doc.namespace);
      return {
        name: r.name,
        target: type.name,
        collection: type.collection,
        description: r.description.text,
        source: r.source,
      };
    });
    let baseType = doc.baseType
      ? names.resolve(doc.baseType.name, doc.baseType.link, doc.namespace, doc.file, doc.baseType.line)
      : undefined;
    if (!baseType) {
      const inherited = doc.properties.find((p) => p.inheritedFrom);
      if (inherited?.inheritedFrom) {
        baseType = names.resolve(
          inherited.inheritedFrom.name,
          inherited.inheritedFrom.link,
          doc.namespace,
          doc.file,
          inherited.source.line,
        );
        sink.info(
          'base-type-inferred',
          `no base type is declared; '${inherited.name}' is "Inherited from" ${baseType}, so that is the base`,
          doc.file,
          inherited.source.line,
        );
      }
    }
    if (baseType === doc.name) baseType = undefined;
    drafts.set(doc.name.toLowerCase(), {
      doc,
      name: doc.name,
      baseType,
      abstract: doc.abstract,
      keyProperty: doc.keyProperty,
      properties,
      navigations,
      source: doc.source,
    });
    if (doc.jsonProperties) {
      const declared = new Set([...doc.properties, ...doc.relationships].map((p) => p.name));
      for (const key of doc.jsonProperties) {
        if (!key.startsWith('@') && !declared.has(key)) {
          const near = [...declared].find((d) => d.toLowerCase() === key.toLowerCase());
          sink.warn(
            'json-representation-extra',
            near
              ? `the JSON representation writes '${key}' but the property is '${near}'`
              : `the JSON representation has '${key}', which the tables do not declare`,
            doc.file,
            doc.source.line,
          );
        }
      }
    }
  }

  // Bases no page documents are made up from what their subtypes say they inherit from them.
  for (const draft of [...drafts.values()]) {
    const base = draft.baseType;
    if (!base || drafts.has(base.toLowerCase())) continue;
    const inherited = (draft.doc?.properties ?? []).filter(
      (p) =>
        p.inheritedFrom &&
        shortName(
          names.resolve(
            p.inheritedFrom.name,
            p.inheritedFrom.link,
            draft.doc?.namespace,
            p.source.file,
            p.source.line,
          ),
        ) === shortName(base),
    );
    sink.warn(
      'base-type-undocumented',
      `base type ${base} has no page in the docs folder; it is made up from the properties ${draft.name} inherits from it (${inherited.map((p) => p.name).join(', ') || 'none'})`,
      draft.source.file,
      draft.source.line,
    );
    drafts.set(base.toLowerCase(), {
      doc: undefined,
      name: base,
      baseType: undefined,
      abstract: true,
      keyProperty: inherited.some((p) => p.name === draft.keyProperty) ? draft.keyProperty : undefined,
      properties: draft.properties.filter((p) => inherited.some((i) => i.name === p.name)),
      navigations: [],
      source: draft.source,
    });
  }
  for (const draft of drafts.values()) {
    if (draft.baseType && !drafts.has(draft.baseType.toLowerCase())) draft.baseType = undefined;
  }

  // A page whose annotation names a keyProperty it does not declare, with no base type: in Graph every entity
  // type inherits its key `id` from microsoft.graph.entity, so that is the base (made up if no page has it).
  for (const draft of [...drafts.values()]) {
    const key = draft.keyProperty;
    if (!draft.doc || draft.baseType || !key || draft.properties.some((p) => p.name === key)) continue;
    const entityName = 'microsoft.graph.entity';
    let entity = drafts.get(entityName);
    if (!entity) {
      entity = {
        doc: undefined,
        name: entityName,
        baseType: undefined,
        abstract: true,
        keyProperty: key,
        properties: [
          {
            name: key,
            type: { kind: 'primitive', name: 'String', collection: false },
            description: 'The unique identifier.',
            readOnly: true,
            deprecated: false,
            source: draft.source,
          },
        ],
        navigations: [],
        source: draft.source,
      };
      drafts.set(entityName, entity);
    }
    if (!entity.properties.some((p) => p.name === key)) continue;
    draft.baseType = entity.name;
    sink.info(
      'base-type-inferred',
      `keyProperty '${key}' is not declared on the page and no base type is; Graph entity types inherit it from ${entity.name}, so that is the base`,
      draft.source.file,
      draft.source.line,
    );
  }

  const ancestors = (draft: Draft): Draft[] => {
    const chain: Draft[] = [];
    let current = draft.baseType ? drafts.get(draft.baseType.toLowerCase()) : undefined;
    while (current && !chain.includes(current) && current !== draft) {
      chain.push(current);
      current = current.baseType ? drafts.get(current.baseType.toLowerCase()) : undefined;
    }
    return chain;
  };

  const derivedOf = new Map<Draft, Set<string>>();
  for (const draft of drafts.values()) {
    for (const ancestor of ancestors(draft))
      derivedOf.set(ancestor, (derivedOf.get(ancestor) ?? new Set()).add(draft.name));
  }

  const types: TypeIR[] = [];
  for (const draft of drafts.values()) {
    const chain = ancestors(draft);
    const inheritedNames = new Set(
      chain.flatMap((a) => [...a.properties, ...a.navigations].map((p) => p.name)),
    );
    const own = draft.properties.filter((p) => !inheritedNames.has(p.name));
    for (const p of draft.properties) {
      if (!inheritedNames.has(p.name)) continue;
      const declared = chain.flatMap((a) => a.properties).find((a) => a.name === p.name);
      if (declared && JSON.stringify(declared.type) !== JSON.stringify(p.type)) {
        sink.warn(
          'inherited-property-type',
          `${p.name} is ${JSON.stringify(p.type.name)} here but ${JSON.stringify(declared.type.name)} on the base type`,
          p.source.file,
          p.source.line,
        );
      }
    }
    const keyProperty = draft.keyProperty ?? chain.find((a) => a.keyProperty)?.keyProperty;
    const derived = [...(derivedOf.get(draft) ?? [])].sort();
    types.push({
      name: draft.name,
      namespace: namespaceOfName(draft.name),
      shortName: shortName(draft.name),
      kind: keyProperty ? 'entity' : 'complex',
      baseType: draft.baseType ? drafts.get(draft.baseType.toLowerCase())?.name : undefined,
      abstract: draft.abstract,
      openType: draft.doc?.openType ?? false,
      keyProperty: draft.keyProperty,
      description: draft.doc?.description ?? '',
      properties: own
        .map((p) => ({ ...p, readOnly: p.readOnly || p.name === keyProperty }))
        .sort((a, b) => compareCodePoints(a.name, b.name)),
      navigations: draft.navigations
        .filter((n) => !inheritedNames.has(n.name))
        .sort((a, b) => compareCodePoints(a.name, b.name)),
      derived,
      source: draft.source,
      synthesized: draft.doc === undefined,
    });
  }
  // Property types naming neither a documented type nor an enum.
  const known = new Set([...types.map((t) => t.name), ...[...enums.values()].map((e) => e.name)]);
  for (const type of types) {
    for (const p of [...type.properties]) {
      if (p.type.kind === 'named' && !known.has(p.type.name)) {
        sink.warn(
          'type-unknown',
          `${type.shortName}.${p.name} has type ${p.type.name}, which no page documents; it is left untyped`,
          p.source.file,
          p.source.line,
        );
      }
    }
  }
  return {
    types: types.sort((a, b) => compareCodePoints(a.name, b.name)),
    enums: [...enums.values()]
      .map((e) => ({ name: e.name, members: e.members, source: e.source }))
      .sort((a, b) => compareCodePoints(a.name, b.name)),
  };
}
