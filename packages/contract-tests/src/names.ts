import { fileURLToPath } from 'node:url';

/** Stable pact participant names: brokers key on them. */
export const consumerName = 'sds-toolkit-client';
export const providerName = 'industrydata-simulator';
export const pactsDir = fileURLToPath(new URL('../pacts/', import.meta.url));
export const pactFile = `${pactsDir}${consumerName}-${providerName}.json`;
