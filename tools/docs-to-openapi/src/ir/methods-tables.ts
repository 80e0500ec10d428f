import type { DiagnosticSink } from '../diagnostics.js';
import type { ResourceDoc } from '../pages/resource.js';
import type { LinkResolver } from './links.js';

/**
 * The API pages that resource pages' Methods tables link: the docs' own list of the operations each type
 * offers, and so the judge between two pages that document one operation differently.
 */
export class MethodsTables {
  private readonly listers = new Map<string, string[]>();
  /** Resource pages (corpus paths) that have a Methods table. */
  readonly tablePages = new Set<string>();
  /** Corpus paths of the links every Methods table row makes, as `file|line|url`, checked here and not again. */
  readonly links = new Set<string>();

  constructor(resources: readonly ResourceDoc[], resolver: LinkResolver, sink: DiagnosticSink) {
    for (const doc of resources) {
      if (doc.methods.length > 0) this.tablePages.add(doc.file);
      for (const method of doc.methods) {
        this.links.add(`${doc.file}|${method.line}|${method.url}`);
        const path = resolver.resolve(doc.file, method.url, method.line);
        if (!path) {
          sink.warn(
            'operation-undocumented',
            `the Methods table lists '${method.text}' (${method.url}), but that page is not in the docs folder; the operation is in the spec only if another page documents it`,
            doc.file,
            method.line,
          );
          continue;
        }
        const listers = this.listers.get(path) ?? [];
        if (!listers.includes(doc.file)) listers.push(doc.file);
        this.listers.set(path, listers);
      }
    }
  }

  /** The resource pages whose Methods table links the API page `apiFile` (a corpus path). */
  listedBy(apiFile: string): readonly string[] {
    return this.listers.get(apiFile) ?? [];
  }
}
