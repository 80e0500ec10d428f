import { compareCodePoints, editDistance } from '@sds-toolkit/openapi-model';
import type { DiagnosticSink } from '../diagnostics.js';
import { primitiveOf, type WrittenType } from '../pages/common.js';
import type { EnumDoc } from '../pages/enum-page.js';
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
      this.links.recordMissing(fromFile, url, line);
    return undefined;
  }

  /**
   * Full name for a written type name. `context` is the namespace of the page that wrote it.
   * Reports casing differences, typos and link/text disagreements it corrects. A link in running prose
   * (`prose`: "Create the schema for a Microsoft Search [connection](…externalconnection.md)", "List the
   * [tides](…tide.md)") names the page in words, not the type: the page decides, and nothing is said.
   */
  resolve(
    written: string,
    link: string | undefined,
    context: string | undefined,
    file: string,
    line: number,
    prose = false,
  ): string {
    const name = written.replace(/^#/, '');
    if (link) {
      const target = this.linkTarget(file, link, line);
      if (target && prose) return target.name;
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
      // One lower-case word (`credential`) is a real Graph type name: nothing to say.
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
  // "Read-only.", "Readonly." or "Read only." (v1.0 chatMessage writes both "Read-only." and "Read only.").
  return property.name === key || /\bread[- ]?only\b/i.test(property.description.text);
}

/** A type another namespace defines, known only by its name and the link pages give for it. */
function externalType(name: string, link: string | undefined, source: SourceRef): TypeIR {
  return {
    name,
    namespace: namespaceOfName(name),
    shortName: shortName(name),
    kind: 'complex',
    baseType: undefined,
    abstract: false,
    openType: true,
    keyProperty: undefined,
    description: `Defined outside the documentation this spec is derived from${link ? ` (${link.split('/').pop()})` : ''}; its properties are not known here.`,
    properties: [],
    navigations: [],
    derived: [],
    source,
    synthesized: true,
    external: true,
  };
}

/** Resource pages → types and enums: names resolved, inheritance linked, inherited properties moved to bases. */
/**
 * "This is a multi-valued enumeration whose allowed combinations are `joiner`, `joiner,leaver` …", "a flagged
 * enumeration": a value may combine members, comma-separated (Graph's flags enums).
 */
const saysFlags = (property: WrittenProperty): boolean =>
  /\bmulti-valued enum|\bflag(?:s|ged)? enum/i.test(property.description.text);

export function buildTypes(
  docs: readonly ResourceDoc[],
  enumDocs: readonly EnumDoc[],
  names: TypeNames,
  sink: DiagnosticSink,
): { types: TypeIR[]; enums: EnumIR[] } {
  const enums = new Map<
    string,
    {
      name: string;
      members: string[];
      source: SourceRef;
      fromPage: boolean;
      usedBy: string[];
      flags?: true;
    }
  >();
  const drafts = new Map<string, Draft>();
  /** Named types no page of the folder documents → the link pages give for them, and who refers to them. */
  const referenced = new Map<
    string,
    { link: string | undefined; context: string | undefined; by: string[] }
  >();

  // Enum pages first: they are the enums' own documentation, which property descriptions then only echo.
  for (const e of enumDocs) {
    const known = enums.get(e.name.toLowerCase());
    if (known) {
      sink.warn(
        'type-duplicate',
        `enum ${e.name} is also documented at ${known.source.file}; this one is ignored`,
        e.source.file,
        e.source.line,
      );
      continue;
    }
    enums.set(e.name.toLowerCase(), {
      name: e.name,
      members: [...e.members],
      source: e.source,
      fromPage: true,
      usedBy: [],
    });
    names.enumNames.set(e.name.toLowerCase(), e.name);
    names.enumNames.set(shortName(e.name).toLowerCase(), e.name);
  }

  const typeRef = (written: WrittenType, property: WrittenProperty, context: string | undefined): TypeRef => {
    const primitive = primitiveOf(written.name);
    if (primitive && !written.link)
      return { kind: 'primitive', name: primitive, collection: written.collection };
    const { file, line } = property.source;
    if (property.enumMembers && !names.docOf(written.name)) {
      const name = names.resolve(written.name, undefined, context, file, line);
      const known = enums.get(name.toLowerCase());
      if (known && !known.usedBy.includes(property.name)) known.usedBy.push(property.name);
      if (known && saysFlags(property)) known.flags = true;
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
        enums.set(name.toLowerCase(), {
          name,
          members: [...property.enumMembers],
          source: property.source,
          fromPage: false,
          usedBy: [property.name],
          ...(saysFlags(property) ? { flags: true as const } : {}),
        });
        names.enumNames.set(name.toLowerCase(), name);
        names.enumNames.set(shortName(name).toLowerCase(), name);
      }
      return { kind: 'named', name, collection: written.collection };
    }
    const name = names.resolve(written.name, written.link, context, file, line);
    if (!names.docOf(name) && !enums.has(name.toLowerCase())) {
      const seen = referenced.get(name) ?? { link: written.link, context, by: [] };
      seen.by.push(`${property.source.file}#L${property.source.line}`);
      referenced.set(name, seen);
    }
    return { kind: 'named', name, collection: written.collection };
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
    // Graph property names are camelCase. A table that capitalises one ('ContinueOnError') while the JSON
    // representation writes it camelCase ('continueOnError') has a typo the JSON representation corrects.
    const jsonKeys = new Set(doc.jsonProperties ?? []);
    const camel = (name: string): string => {
      const lower = `${name[0]?.toLowerCase() ?? ''}${name.slice(1)}`;
      return /^[A-Z]/.test(name) && !jsonKeys.has(name) && jsonKeys.has(lower) ? lower : name;
    };
    for (const p of [...doc.properties, ...doc.relationships]) {
      if (camel(p.name) !== p.name)
        sink.warn(
          'property-name-casing',
          `the table names '${p.name}', the JSON representation '${camel(p.name)}'; Graph property names are camelCase, so '${camel(p.name)}' is used`,
          p.source.file,
          p.source.line,
        );
    }
    const properties = doc.properties.map((p) => ({
      name: camel(p.name),
      type: typeRef(p.type, p, doc.namespace),
      description: p.description.text,
      readOnly: isReadOnly(p, doc.keyProperty),
      deprecated: p.deprecated,
      ...(p.removalDate ? { removalDate: p.removalDate } : {}),
      source: p.source,
    }));
    const navigations = doc.relationships.map((r) => {
      const type = typeRef(r.type, r, doc.namespace);
      return {
        name: camel(r.name),
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
      const declared = new Set([...doc.properties, ...doc.relationships].map((p) => camel(p.name)));
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

  // "Base type of [x](…)" on a base's page: the subtypes it names have it as their base, whether or not
  // their own pages say so.
  for (const doc of docs) {
    for (const d of doc.derivedTypes) {
      const derived = drafts.get(
        names.resolve(d.name, d.link, doc.namespace, doc.file, d.line).toLowerCase(),
      );
      if (!derived?.doc || derived.name === doc.name) continue;
      if (!derived.baseType) {
        derived.baseType = doc.name;
        sink.info(
          'base-type-inferred',
          `${derived.name} declares no base type; the page of ${doc.name} says it is its base type`,
          doc.file,
          d.line,
        );
      } else if (derived.baseType.toLowerCase() !== doc.name.toLowerCase()) {
        sink.warn(
          'base-type-mismatch',
          `this page says ${doc.name} is the base type of ${derived.name}, whose own page says ${derived.baseType}; the subtype's page wins`,
          doc.file,
          d.line,
        );
      }
    }
  }

  // Bases no page documents are made up from what their subtypes say they inherit from them.
  for (const draft of [...drafts.values()]) {
    const base = draft.baseType;
    if (!base || drafts.has(base.toLowerCase())) continue;
    const declaredOn = new Map(
      (draft.doc?.properties ?? []).flatMap((p) =>
        p.inheritedFrom
          ? [
              [
                p.name,
                names.resolve(
                  p.inheritedFrom.name,
                  p.inheritedFrom.link,
                  draft.doc?.namespace,
                  p.source.file,
                  p.source.line,
                ),
              ] as const,
            ]
          : [],
      ),
    );
    const inherited = (draft.doc?.properties ?? []).filter(
      (p) => shortName(declaredOn.get(p.name) ?? '') === shortName(base),
    );
    sink.warn(
      'base-type-undocumented',
      `base type ${base} has no page in the docs folder; it is made up from the properties ${draft.name} inherits from it (${inherited.map((p) => p.name).join(', ') || 'none'})`,
      draft.source.file,
      draft.source.line,
    );
    // Properties the subtype inherits from a third type (displayName "Inherited from credential") place that
    // type above the made-up base: the subtype reaches it through the base.
    const above = [...new Set(declaredOn.values())].filter(
      (name) => shortName(name) !== shortName(base) && name !== draft.name && drafts.has(name.toLowerCase()),
    );
    const baseOfBase = above.length === 1 ? above[0] : undefined;
    if (baseOfBase)
      sink.info(
        'base-type-inferred',
        `${draft.name} inherits properties from ${baseOfBase} as well as from ${base}, which has no page: ${baseOfBase} is the base of ${base}`,
        draft.source.file,
        draft.source.line,
      );
    drafts.set(base.toLowerCase(), {
      doc: undefined,
      name: base,
      baseType: baseOfBase,
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

  // Graph entity types all derive from microsoft.graph.entity, which declares the key `id`. A root type that is
  // an entity (it, or a type below it, names a keyProperty) but does not declare that key itself gets entity as
  // its base, made up when no page has it: so do bases no page documents, and their subtypes keep `id`.
  const entityName = 'microsoft.graph.entity';
  const rootOf = (draft: Draft): Draft => {
    const seen = new Set<Draft>([draft]);
    let root = draft;
    for (let next = lookup(root.baseType); next && !seen.has(next); next = lookup(root.baseType)) {
      seen.add(next);
      root = next;
    }
    return root;
  };
  const lookup = (name: string | undefined) => (name ? drafts.get(name.toLowerCase()) : undefined);
  const keyedRoots = new Map<Draft, Draft>();
  for (const draft of [...drafts.values()].sort((a, b) => compareCodePoints(a.name, b.name))) {
    const root = rootOf(draft);
    if (draft.keyProperty && !keyedRoots.has(root)) keyedRoots.set(root, draft);
  }
  for (const [root, keyed] of keyedRoots) {
    const key = keyed.keyProperty as string;
    if (root.name === entityName || root.properties.some((p) => p.name === key)) continue;
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
            source: keyed.source,
          },
        ],
        navigations: [],
        source: keyed.source,
      };
      drafts.set(entityName, entity);
    }
    if (!entity.properties.some((p) => p.name === key)) continue;
    root.baseType = entity.name;
    sink.info(
      'base-type-inferred',
      `${keyed.name} names the key '${key}', which ${root.name === keyed.name ? 'it' : `its base ${root.name}`} does not declare; Graph entity types inherit it from ${entity.name}, so that is the base`,
      root.source.file,
      root.source.line,
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
  // Types of another namespace that pages refer to but the folder does not document (microsoft.graph.publicError
  // from industryData pages): emitted as open object types, with what the pages say of them. A type of the
  // referring page's own namespace that no page documents stays unknown: that is a gap in the folder.
  const known = new Set([...types.map((t) => t.name), ...[...enums.values()].map((e) => e.name)]);
  for (const [name, seen] of [...referenced].sort(([a], [b]) => compareCodePoints(a, b))) {
    if (known.has(name)) continue;
    const [first = ''] = seen.by;
    const [file = '', line = '1'] = first.split('#L');
    if (seen.context && namespaceOfName(name) === seen.context) continue;
    types.push(externalType(name, seen.link, { file, line: Number(line) }));
    known.add(name);
    sink.info(
      'type-external',
      `${name} is documented outside the docs folder${seen.link ? ` (${seen.link})` : ''}; it is emitted as an open object type (${seen.by.length === 1 ? 'one reference' : `${seen.by.length} references`}, first here)`,
      file,
      Number(line),
    );
  }
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
  for (const e of enums.values()) {
    if (e.fromPage) continue;
    sink.info(
      'enum-from-description',
      `no enum page documents ${e.name}; its members (${e.members.join(', ')}) are read from the description of ${e.usedBy.join(', ')}`,
      e.source.file,
      e.source.line,
    );
  }
  return {
    types: types.sort((a, b) => compareCodePoints(a.name, b.name)),
    enums: [...enums.values()]
      .map((e) => ({
        name: e.name,
        members: e.members,
        source: e.source,
        ...(e.flags ? { flags: e.flags } : {}),
      }))
      .sort((a, b) => compareCodePoints(a.name, b.name)),
  };
}
