import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from '../schema.js';
import { didYouMean } from '../text.js';
import { pointerOf, segmentsOf } from './source.js';

// ajv-formats is CommonJS: its default export is the plugin, or holds it.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

/** A schema problem: where (and at which key, for a property that should not be there) and what to do. */
export interface SchemaProblem {
  readonly pointer: string;
  readonly key?: string;
  readonly message: string;
}

const typeWord = (type: unknown): string => {
  const types = (Array.isArray(type) ? type : [type]).filter((t) => t !== 'null');
  const words: Record<string, string> = {
    string: 'text',
    boolean: 'true or false',
    integer: 'a whole number',
    number: 'a number',
    array: 'a list',
    object: 'a mapping (key: value lines)',
  };
  return types.map((t) => words[String(t)] ?? String(t)).join(' or ');
};

const shown = (value: unknown): string =>
  typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));

function problem(error: ErrorObject): SchemaProblem | undefined {
  const at = error.instancePath;
  const schema = error.parentSchema as JsonSchema | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((schema?.properties as object | undefined) ?? {}).sort();
      return {
        pointer: at,
        key,
        message: `unknown property '${key}'${didYouMean(key, allowed)} (this takes ${allowed.join(', ')})`,
      };
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      if (missing === 'type') {
        const choices = ((schema?.properties as JsonSchema | undefined)?.type as JsonSchema | undefined)
          ?.enum as string[] | undefined;
        return {
          pointer: at,
          message: `say which type it is: add 'type:' (${(choices ?? []).join(', ')})`,
        };
      }
      return { pointer: at, message: `'${missing}' is required: add it` };
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const near = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
      return {
        pointer: at,
        message: `${shown(error.data)} is not one of ${allowed.join(', ')}${near}`,
      };
    }
    case 'const':
      return {
        pointer: at,
        message: `must be ${shown((error.params as { allowedValue: unknown }).allowedValue)}`,
      };
    case 'type': {
      const expected = (error.params as { type: unknown }).type;
      const wantsText = (Array.isArray(expected) ? expected : [expected]).includes('string');
      const quote =
        wantsText && (typeof error.data === 'number' || typeof error.data === 'boolean')
          ? `: quote it ("${String(error.data)}")`
          : '';
      return { pointer: at, message: `${shown(error.data)} is not ${typeWord(expected)}${quote}` };
    }
    case 'format': {
      const format = (error.params as { format: string }).format;
      const example = format === 'date' ? '2025-09-01' : '2025-09-01T00:00:00Z';
      return { pointer: at, message: `${shown(error.data)} is not a ${format} (e.g. ${example})` };
    }
    case 'pattern':
      return {
        pointer: at,
        message: `${shown(error.data)} is not an environment variable name (letters, digits and _, not starting with a digit)`,
      };
    case 'minLength':
      return { pointer: at, message: 'must not be empty' };
    // `if` only says that a `then` failed: the `then`'s own errors say what.
    case 'if':
      return undefined;
    default:
      return { pointer: at, message: error.message ?? `fails ${error.keyword}` };
  }
}

/** Checks a file's data against its JSON Schema; problems in document order, each once. */
export class SchemaCheck {
  private readonly validate: ValidateFunction;

  constructor(schema: JsonSchema) {
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    addFormats(ajv);
    this.validate = ajv.compile(schema);
  }

  check(value: unknown): SchemaProblem[] {
    if (this.validate(value)) return [];
    const seen = new Set<string>();
    const problems: SchemaProblem[] = [];
    for (const error of this.validate.errors ?? []) {
      const found = problem(error);
      if (!found) continue;
      const key = `${found.pointer}\u0000${found.key ?? ''}\u0000${found.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(found);
    }
    return problems;
  }
}

/** The pointer of the object a problem is in, one level up from a property. */
export const parentPointer = (pointer: string): string => pointerOf(segmentsOf(pointer).slice(0, -1));
