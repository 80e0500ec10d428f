import { compareCodePoints } from '@sds-toolkit/openapi-model';
/** A small line printer: indentation, blocks and doc comments, so emitters never concatenate code by hand. */
export class Printer {
  private readonly out: string[] = [];
  private depth = 0;

  line(text = ''): this {
    this.out.push(text ? `${'  '.repeat(this.depth)}${text}` : '');
    return this;
  }

  lines(texts: readonly string[]): this {
    for (const t of texts) this.line(t);
    return this;
  }

  /** `open` on a line, the body indented, then `close`. */
  block(open: string, body: () => void, close = '}'): this {
    this.line(open);
    this.depth++;
    body();
    this.depth--;
    this.line(close);
    return this;
  }

  /** A JSDoc comment; empty parts are dropped, `*\/` inside text is defused. */
  doc(parts: readonly (string | undefined)[]): this {
    const text = parts
      .filter((p): p is string => !!p?.trim())
      .flatMap((p) => p.replaceAll('*/', '*\\/').split('\n'));
    if (text.length === 0) return this;
    this.line('/**');
    for (const t of text) this.line(` * ${t}`.trimEnd());
    this.line(' */');
    return this;
  }

  toString(): string {
    return `${this.out.join('\n').replace(/\n+$/, '')}\n`;
  }
}

/** The imports of one file, printed sorted by module then name, `type` marked per name. */
export class Imports {
  private readonly modules = new Map<string, Map<string, boolean>>();

  add(module: string, name: string, typeOnly = false): void {
    const names = this.modules.get(module) ?? new Map<string, boolean>();
    // A name imported both as a type and as a value is a value import.
    names.set(name, (names.get(name) ?? true) && typeOnly);
    this.modules.set(module, names);
  }

  print(p: Printer): void {
    const order = (m: string) => (m.startsWith('.') ? `1${m}` : `0${m}`);
    for (const module of [...this.modules.keys()].sort((a, b) => compareCodePoints(order(a), order(b)))) {
      const names = [...(this.modules.get(module) ?? new Map<string, boolean>()).entries()].sort(([a], [b]) =>
        compareCodePoints(a, b),
      );
      const allTypes = names.every(([, typeOnly]) => typeOnly);
      const list = names
        .map(([name, typeOnly]) => (typeOnly && !allTypes ? `type ${name}` : name))
        .join(', ');
      p.line(`import ${allTypes ? 'type ' : ''}{ ${list} } from '${module}';`);
    }
    if (this.modules.size > 0) p.line();
  }
}

/** A quoted string literal (single quotes, as the generated code is formatted). */
export const str = (value: string): string => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** An object literal from [key, expression] pairs, keys in the given order. */
export function objectLiteral(
  entries: readonly (readonly [string, string])[],
  keyOf: (k: string) => string,
): string {
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${keyOf(k)}: ${v}`).join(', ')} }`;
}
