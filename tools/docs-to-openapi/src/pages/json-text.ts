/** Result of reading JSON that docs authors wrote by hand. */
export type LenientJson =
  | { readonly ok: true; readonly value: unknown; readonly repaired: string | undefined }
  | { readonly ok: false; readonly error: string };

/**
 * Parses JSON; if that fails, retries once with trailing commas removed (the commonest hand-written defect),
 * and says so, so the caller can report the defect instead of guessing silently.
 */
export function parseLenientJson(text: string): LenientJson {
  try {
    return { ok: true, value: JSON.parse(text), repaired: undefined };
  } catch (error) {
    const withoutTrailingCommas = text.replace(/,(\s*[}\]])/g, '$1');
    if (withoutTrailingCommas !== text) {
      try {
        return { ok: true, value: JSON.parse(withoutTrailingCommas), repaired: 'trailing comma removed' };
      } catch {
        // fall through to the original error, which points at the first problem
      }
    }
    return { ok: false, error: (error as Error).message };
  }
}
