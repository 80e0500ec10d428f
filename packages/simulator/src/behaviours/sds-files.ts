import { compareCodePoints } from '@sds-toolkit/openapi-model';
import { parseCsv } from './csv.js';

/**
 * The files of School Data Sync's CSV format (v2.1) the service looks for in an upload, as the docs' validation
 * example has them: a required file missing is an error (`RequiredFileNotFound`, as for orgs.csv in the
 * example), an optional one a warning (`OptionalFileNotFound`, as for classes.csv and enrollments.csv).
 */
export const requiredFiles = ['orgs.csv', 'roles.csv', 'users.csv'] as const;
export const optionalFiles = [
  'academicSessions.csv',
  'classes.csv',
  'courses.csv',
  'demographics.csv',
  'enrollments.csv',
  'relationships.csv',
  'userFlags.csv',
] as const;

export interface PublicError {
  readonly code: string;
  readonly message: string;
  readonly target: string;
  readonly details: readonly unknown[];
  readonly innerError: null;
}

const publicError = (code: string, message: string, target: string): PublicError => ({
  code,
  message,
  target,
  details: [],
  innerError: null,
});

export interface FileCheck {
  readonly errors: PublicError[];
  readonly warnings: PublicError[];
  readonly validatedFiles: string[];
}

/** Checks an upload: every required file there and readable, optional ones noted when missing. */
export function checkFiles(files: ReadonlyMap<string, string>): FileCheck {
  const errors: PublicError[] = [];
  const warnings: PublicError[] = [];
  const validatedFiles: string[] = [];
  const byName = new Map([...files].map(([name, text]) => [name.toLowerCase(), { name, text }]));
  for (const name of requiredFiles) {
    const file = byName.get(name.toLowerCase());
    if (!file)
      errors.push(
        publicError(
          'RequiredFileNotFound',
          `${name} is required and is not in the upload: upload it, then validate again.`,
          name,
        ),
      );
  }
  for (const name of optionalFiles) {
    if (!byName.has(name.toLowerCase()))
      warnings.push(
        publicError(
          'OptionalFileNotFound',
          `${name} is optional and is not in the upload: what it holds will not be synced.`,
          name,
        ),
      );
  }
  for (const { name, text } of byName.values()) {
    const known = [...requiredFiles, ...optionalFiles].some((n) => n.toLowerCase() === name.toLowerCase());
    if (!known) {
      warnings.push(
        publicError(
          'UnknownFile',
          `${name} is not a file of the SDS CSV format; it was not validated.`,
          name,
        ),
      );
      continue;
    }
    const rows = parseCsv(text);
    if (rows.length < 1 || (rows[0] ?? []).every((h) => h.trim() === '')) {
      errors.push(publicError('EmptyFile', `${name} has no header row.`, name));
      continue;
    }
    validatedFiles.push(name);
  }
  return { errors, warnings, validatedFiles: validatedFiles.sort(compareCodePoints) };
}

export interface Counts {
  readonly organizations: number;
  readonly people: number;
  readonly groups: number;
  readonly memberships: number;
  readonly peopleByRole: readonly { readonly role: string; readonly count: number }[];
  /** Records a run drops: a role of a user or an organization the files do not have. */
  readonly errors: number;
  /** Records a run keeps with a value left out: a user with no role. */
  readonly warnings: number;
}

/** What a run reads in validated files: rows per entity, people per role (roles.csv's `role` column). */
export function countRows(files: ReadonlyMap<string, string>): Counts {
  const rowsOf = (name: string) => {
    const entry = [...files].find(([n]) => n.toLowerCase() === name.toLowerCase());
    return entry ? parseCsv(entry[1]) : [];
  };
  const dataRows = (name: string) => Math.max(0, rowsOf(name).length - 1);
  const idsOf = (name: string, column: string) => {
    const rows = rowsOf(name);
    const at = (rows[0] ?? []).map((h) => h.trim().toLowerCase()).indexOf(column);
    return at < 0 ? undefined : new Set(rows.slice(1).map((r) => (r[at] ?? '').trim()));
  };
  const users = idsOf('users.csv', 'sourcedid');
  const orgs = idsOf('orgs.csv', 'sourcedid');
  const roles = rowsOf('roles.csv');
  const header = (roles[0] ?? []).map((h) => h.trim().toLowerCase());
  const roleColumn = header.indexOf('role');
  const userColumn = header.indexOf('usersourcedid');
  const orgColumn = header.indexOf('orgsourcedid');
  const byRole = new Map<string, Set<string>>();
  const withRole = new Set<string>();
  let errors = 0;
  for (const row of roles.slice(1)) {
    const user = userColumn >= 0 ? (row[userColumn] ?? '').trim() : '';
    const org = orgColumn >= 0 ? (row[orgColumn] ?? '').trim() : '';
    if ((users && user && !users.has(user)) || (orgs && org && !orgs.has(org))) {
      errors++;
      continue;
    }
    const role = roleColumn >= 0 ? (row[roleColumn] ?? '').trim() : '';
    if (!role) continue;
    withRole.add(user);
    const people = byRole.get(role) ?? new Set<string>();
    people.add(user || String(people.size));
    byRole.set(role, people);
  }
  const warnings = users && userColumn >= 0 ? [...users].filter((u) => u && !withRole.has(u)).length : 0;
  return {
    organizations: dataRows('orgs.csv'),
    people: dataRows('users.csv'),
    groups: dataRows('classes.csv'),
    memberships: dataRows('enrollments.csv'),
    peopleByRole: [...byRole].map(([role, people]) => ({ role, count: people.size })),
    errors,
    warnings,
  };
}
