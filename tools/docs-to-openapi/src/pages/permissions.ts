import type { DiagnosticSink } from '../diagnostics.js';
import type { PermissionsIR, ScopeSet } from '../ir/types.js';
import type { DocTable } from '../markdown/page.js';
import { headerIndex } from './common.js';

const scopePattern = /^[A-Za-z][\w-]*(?:\.[\w-]+)+$/;

function scopesIn(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.replace(/[`*.]+$/, '').replace(/^[`*]+/, ''))
    .filter((s) => scopePattern.test(s));
}

/**
 * "Sites.Read.All and TermStore.ReadWrite.All": older pages name permissions a call needs together, where a list
 * of alternatives separates them with commas. True when two scopes of the cell are joined by "and".
 */
function joinedByAnd(text: string): boolean {
  const scope = String.raw`[A-Za-z][\w-]*(?:\.[\w-]+)+`;
  return new RegExp(`${scope}[\`*]*\\s+and\\s+[\`*]*${scope}`, 'i').test(text);
}

function notSupported(text: string): boolean {
  return /not supported/i.test(text);
}

/**
 * Reads a permissions table: the current three-column form (least privileged, higher privileged) or the older
 * two-column form (permissions from least to most privileged). Returns undefined when the table is not one.
 */
export function readPermissionsTable(
  table: DocTable,
  file: string,
  sink: DiagnosticSink,
): PermissionsIR | undefined {
  const typeCol = headerIndex(table.header, /permission type/i);
  // The three-column form's headers start "Least privileged" / "Higher privileged"; the two-column form's says
  // its order, either way round: "Permissions (from least to most privileged)", "(from most to least privileged)".
  const leastCol = headerIndex(table.header, /^least privileged/i);
  const higherCol = headerIndex(table.header, /^higher privileged/i);
  const listCol = leastCol < 0 ? headerIndex(table.header, /^permissions/i) : -1;
  const mostFirst = listCol >= 0 && /most\s+to\s+least/i.test(table.header[listCol] ?? '');
  if (typeCol < 0 && leastCol < 0 && listCol < 0) {
    const perResource = readPerResourceTable(table, file, sink);
    if (perResource) return perResource;
  }
  if (typeCol < 0 || (leastCol < 0 && listCol < 0)) {
    sink.warn(
      'permissions-table-unrecognised',
      `not a permissions table (${table.header.join(' | ')})`,
      file,
      table.line,
    );
    return undefined;
  }
  const result: {
    delegatedWork?: ScopeSet | null;
    delegatedPersonal?: ScopeSet | null;
    application?: ScopeSet | null;
  } = {};
  for (const row of table.rows) {
    const kind = row.cells[typeCol]?.text ?? '';
    let scopes: ScopeSet | null;
    if (leastCol >= 0) {
      const least = row.cells[leastCol]?.text ?? '';
      const higher = higherCol >= 0 ? (row.cells[higherCol]?.text ?? '') : '';
      scopes = notSupported(least)
        ? null
        : { leastPrivileged: scopesIn(least), higherPrivileged: scopesIn(higher) };
    } else {
      const all = row.cells[listCol]?.text ?? '';
      const written = scopesIn(all);
      const listed = mostFirst ? [...written].reverse() : written;
      if (notSupported(all)) scopes = null;
      else if (listed.length > 1 && joinedByAnd(all)) {
        sink.warn(
          'permissions-combined',
          `'${all.trim()}' names permissions needed together, not alternatives; the spec requires all of them`,
          file,
          row.line,
        );
        scopes = { leastPrivileged: listed, higherPrivileged: [], together: true };
      } else scopes = { leastPrivileged: listed.slice(0, 1), higherPrivileged: listed.slice(1) };
    }
    if (/delegated/i.test(kind) && /personal/i.test(kind)) result.delegatedPersonal = scopes;
    else if (/delegated/i.test(kind)) result.delegatedWork = scopes;
    else if (/application/i.test(kind)) result.application = scopes;
    else sink.warn('permissions-row-unknown', `unknown permission type '${kind}'`, file, row.line);
  }
  return {
    delegatedWork: result.delegatedWork,
    delegatedPersonal: result.delegatedPersonal,
    application: result.application,
    source: { file, line: table.line },
  };
}

/**
 * "Supported resource | Delegated (work or school account) | Delegated (personal Microsoft account) |
 * Application": a row per resource the call may concern (subscriptions: a message, an event, a chat…), a column
 * per permission type. Which permission a call needs depends on the resource it names in its body or path, which
 * no security requirement can say: every permission of a column is an alternative of that type, said.
 */
function readPerResourceTable(
  table: DocTable,
  file: string,
  sink: DiagnosticSink,
): PermissionsIR | undefined {
  const work = headerIndex(table.header, /^delegated\s*\((?:work|school)/i);
  const personal = headerIndex(table.header, /^delegated\s*\(personal/i);
  const application = headerIndex(table.header, /^application/i);
  if (work < 0 || application < 0 || work === 0 || application === 0) return undefined;
  const column = (col: number): ScopeSet | null | undefined => {
    if (col < 0) return undefined;
    const scopes: string[] = [];
    for (const row of table.rows) {
      const text = row.cells[col]?.text ?? '';
      // Scopes marked * are resource-specific consent (ChannelMessage.Read.Group*): the mark is not the name.
      if (!notSupported(text))
        for (const scope of scopesIn(text.replace(/\*/g, '')))
          if (!scopes.includes(scope)) scopes.push(scope);
    }
    return scopes.length === 0 ? null : { leastPrivileged: scopes, higherPrivileged: [] };
  };
  sink.warn(
    'permissions-per-resource',
    `the permissions table has a row per supported resource (${table.header[0]?.trim() || 'first column'}); the permission a call needs depends on the resource, so every permission of a column is an alternative of that type`,
    file,
    table.line,
  );
  return {
    delegatedWork: column(work),
    delegatedPersonal: column(personal),
    application: column(application),
    source: { file, line: table.line },
  };
}

/**
 * Several tables for one call, one per resource it may concern: per permission type, every table's permissions
 * are alternatives (least privileged first, in table order); a type no table supports is not supported.
 */
export function mergePermissions(tables: readonly PermissionsIR[]): PermissionsIR {
  const merge = (sets: readonly (ScopeSet | null | undefined)[]): ScopeSet | null | undefined => {
    const known = sets.filter((x): x is ScopeSet => !!x);
    if (known.length === 0) return sets.some((x) => x === null) ? null : undefined;
    const least = [...new Set(known.flatMap((x) => x.leastPrivileged))];
    const higher = [...new Set(known.flatMap((x) => x.higherPrivileged))].filter((x) => !least.includes(x));
    return { leastPrivileged: least, higherPrivileged: higher };
  };
  return {
    delegatedWork: merge(tables.map((t) => t.delegatedWork)),
    delegatedPersonal: merge(tables.map((t) => t.delegatedPersonal)),
    application: merge(tables.map((t) => t.application)),
    source: tables[0]?.source ?? { file: '', line: 0 },
  };
}
