import type { Behaviour } from '../core/context.js';
import type { Json } from '../json.js';

/** What Graph answers in place of a stored password (the docs' examples show it masked). */
export const maskedPassword = '***************';

/**
 * Secrets are written, never read back: a credential's `clientSecret` (write-only, its page says) is left out of
 * every answer, and a user flow's default password is answered masked, as the docs' examples show it.
 */
export const writeOnlySecrets: Behaviour = {
  id: 'write-only-secrets',
  docs: 'api-reference/beta/resources/industrydata-oauth2clientcredential.md',
  summary:
    "A connector credential's clientSecret is never answered; a flow's default password is answered masked.",
  present(object: Json): Json {
    if (!('clientSecret' in object) && !('password' in object)) return object;
    const out: Json = { ...object };
    delete out.clientSecret;
    if (typeof out.password === 'string') out.password = maskedPassword;
    return out;
  },
};
