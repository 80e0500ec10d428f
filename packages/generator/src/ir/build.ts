import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import { compareCodePoints } from '@sds-toolkit/openapi-model';
import { buildModels } from './build-models.js';
import { buildTree } from './build-tree.js';
import { finishModels } from './request-bodies.js';
import type { GeneratorIR, ModelIR } from './types.js';

/** OpenAPI → generator IR: model graph and resource tree, every list sorted. */
export function buildIR(spec: OpenApiDocument): GeneratorIR {
  const { models, enums } = buildModels(spec);
  const modelMap = new Map<string, ModelIR>(models.map((m) => [m.fullName, m]));
  const root = buildTree(spec, modelMap);
  const errorRef = spec.components.responses?.error?.content?.['application/json']?.schema?.$ref;
  return {
    title: spec.info.title,
    version: spec.info.version,
    serverUrl: spec.servers?.[0]?.url ?? 'https://graph.microsoft.com/beta',
    models: finishModels(
      [...modelMap.values()].sort((a, b) => compareCodePoints(a.fullName, b.fullName)),
      spec,
      root,
    ),
    enums,
    root,
    errorModel: errorRef?.split('/').pop(),
  };
}
