import { compareCodePoints } from '@sds-toolkit/openapi-model';
import type { GeneratorIR, ModelIR, OperationIR, TreeNode } from '../ir/types.js';
import { upperFirst } from '../naming.js';
import { Imports, objectLiteral, Printer, str } from '../printer/printer.js';
import { generatedHeader } from './header.js';
import { anyName } from './models.js';
import { importPath, modelsFile } from './paths.js';
import { runtimeFile } from './runtime.js';

const kiota = '@microsoft/kiota-abstractions';
export const clientFile = 'industryDataClient.ts';

export const fileOf = (node: TreeNode): string => (node.folder ? `${node.folder}/index.ts` : clientFile);
const indexerName = (item: TreeNode): string => `by${upperFirst(item.segment)}`;

interface Context {
  readonly file: string;
  readonly imports: Imports;
  readonly models: ReadonlyMap<string, ModelIR>;
}

/** The type of a body declared as `fullName`: the union of its concrete types when others derive from it. */
function bodyType(ctx: Context, fullName: string): string {
  const model = ctx.models.get(fullName);
  return useModel(ctx, fullName, (n) => (model && model.derived.length > 0 ? anyName(n) : n), true);
}

function useModel(
  ctx: Context,
  fullName: string,
  member: (name: string) => string,
  typeOnly: boolean,
): string {
  const model = ctx.models.get(fullName);
  if (!model) throw new Error(`unknown model ${fullName}`);
  const name = member(model.name);
  ctx.imports.add(importPath(ctx.file, modelsFile(model.namespace)), name, typeOnly);
  return name;
}

const hasNavigation = (node: TreeNode): boolean => node.children.length > 0;
const hasRequests = (node: TreeNode): boolean => node.operations.length > 0;
export const queryInterface = (node: TreeNode, op: OperationIR): string =>
  `${node.builderName}${upperFirst(op.method)}QueryParameters`;
const returnsBody = (op: OperationIR): boolean =>
  !!op.responseModel && op.successStatus !== 204 && op.successStatus !== 202;

/** The RFC 6570 URI template of a builder: its path and every query parameter of its operations. */
export function uriTemplate(node: TreeNode): string {
  const query = [
    ...new Set(
      node.operations.flatMap((op) => op.queryParameters.map((q) => q.wireName.replace(/^\$/, '%24'))),
    ),
  ].sort(compareCodePoints);
  return `{+baseurl}${node.path}${query.length > 0 ? `{?${query.join(',')}}` : ''}`;
}

function methodSignatures(p: Printer, ctx: Context, node: TreeNode, op: OperationIR): void {
  const config =
    op.queryParameters.length > 0
      ? `RequestConfiguration<${queryInterface(node, op)}>`
      : 'RequestConfiguration<object>';
  const body = op.requestModel ? `body: ${bodyType(ctx, op.requestModel)}, ` : '';
  const result =
    returnsBody(op) && op.responseModel
      ? `Promise<${bodyType(ctx, op.responseModel)} | undefined>`
      : 'Promise<void>';
  const status = `Resolves on ${op.successStatus ?? 'any 2xx status'}${returnsBody(op) ? ' with the response body' : ' with no value'}; rejects with the service's OData error otherwise.`;
  const retries = op.retrySafe
    ? 'The default middleware sends it again after 429, 503 or 504.'
    : 'The default middleware does not send it again after 429, 503 or 504 (sent twice, it may be carried out twice) unless you opt in: `retry: { nonIdempotent: true }`, or `options: [new RetryHandlerOptions()]` for one request.';
  p.doc([
    op.summary,
    op.description !== op.summary ? op.description : undefined,
    status,
    retries,
    `Operation \`${op.operationId}\`.`,
  ]);
  p.line(`${op.method}(${body}requestConfiguration?: ${config} | undefined): ${result};`);
  p.doc([`The request \`${op.method}\` would send, without sending it.`]);
  p.line(
    `to${upperFirst(op.method)}RequestInformation(${body}requestConfiguration?: ${config} | undefined): RequestInformation;`,
  );
}

function requestMetadata(
  ctx: Context,
  node: TreeNode,
  op: OperationIR,
  errorModel: string | undefined,
): string {
  const entries: [string, string][] = [['uriTemplate', `${node.builderName}UriTemplate`]];
  if (returnsBody(op)) entries.push(['responseBodyContentType', str('application/json')]);
  if (errorModel) {
    ctx.imports.add(kiota, 'Parsable', true);
    ctx.imports.add(kiota, 'ParsableFactory', true);
    entries.push([
      'errorMappings',
      `{ XXX: ${useModel(ctx, errorModel, (n) => `create${n}FromDiscriminatorValue`, false)} as ParsableFactory<Parsable> }`,
    ]);
  }
  if (returnsBody(op) && op.responseModel) {
    entries.push(['adapterMethodName', str('send')]);
    entries.push([
      'responseBodyFactory',
      useModel(ctx, op.responseModel, (n) => `create${n}FromDiscriminatorValue`, false),
    ]);
  } else entries.push(['adapterMethodName', str('sendNoResponseContent')]);
  if (op.requestModel) {
    entries.push(['requestBodyContentType', str('application/json')]);
    ctx.imports.add(importPath(ctx.file, runtimeFile), 'requestBody');
    entries.push([
      'requestBodySerializer',
      `/* @__PURE__ */ requestBody(${useModel(ctx, op.requestModel, (n) => `serialize${n}`, false)})`,
    ]);
    entries.push(['requestInformationContentSetMethod', str('setContentFromParsable')]);
  }
  if (op.queryParameters.length > 0)
    entries.push(['queryParametersMapper', `${node.builderName}QueryParametersMapper`]);
  return objectLiteral(entries, (k) => k);
}

function emitNode(
  node: TreeNode,
  ir: GeneratorIR,
  source: string,
  models: ReadonlyMap<string, ModelIR>,
): string {
  const file = fileOf(node);
  const ctx: Context = { file, imports: new Imports(), models };
  const body = new Printer();
  ctx.imports.add(kiota, 'BaseRequestBuilder', true);

  for (const child of node.children) {
    const childFile = fileOf(child);
    ctx.imports.add(importPath(file, childFile), child.builderName, true);
    if (hasNavigation(child))
      ctx.imports.add(importPath(file, childFile), `${child.builderName}NavigationMetadata`);
    if (hasRequests(child))
      ctx.imports.add(importPath(file, childFile), `${child.builderName}RequestsMetadata`);
  }

  const isRoot = node.folder === '';
  body.doc([
    isRoot
      ? `${ir.title}: the root of the request builders.`
      : `Builds and executes requests for operations under \`${node.path}\`.`,
  ]);
  body.block(`export interface ${node.builderName} extends BaseRequestBuilder<${node.builderName}> {`, () => {
    for (const child of node.children) {
      if (child.isItem) {
        body.doc([`Gets an item by its \`${child.segment}\`.`]);
        body.line(`${indexerName(child)}(${child.segment}: string): ${child.builderName};`);
      } else {
        body.doc([`The \`${child.segment}\` segment: \`${child.path}\`.`]);
        body.line(`get ${child.segment}(): ${child.builderName};`);
      }
    }
    if (hasRequests(node)) {
      ctx.imports.add(kiota, 'RequestConfiguration', true);
      ctx.imports.add(kiota, 'RequestInformation', true);
    }
    for (const op of node.operations) methodSignatures(body, ctx, node, op);
  });
  body.line();

  for (const op of node.operations.filter((o) => o.queryParameters.length > 0)) {
    body.doc([`Query parameters of \`${op.method.toUpperCase()} ${node.path}\`.`]);
    body.block(`export interface ${queryInterface(node, op)} {`, () => {
      for (const q of op.queryParameters) {
        body.doc([q.description, `Sent as \`${q.wireName}\`.`]);
        body.line(`${q.name}?: ${q.type};`);
      }
    });
    body.line();
  }

  if (hasRequests(node)) {
    body.doc(['The RFC 6570 URI template of this builder.']);
    body.line(`export const ${node.builderName}UriTemplate = ${str(uriTemplate(node))};`);
    body.line();
    const mapper = [
      ...new Map(
        node.operations.flatMap((op) =>
          op.queryParameters.map((q) => [q.name, q.wireName.replace(/^\$/, '%24')] as const),
        ),
      ).entries(),
    ].sort(([a], [b]) => compareCodePoints(a, b));
    if (mapper.length > 0) {
      body.doc(['Maps query parameter names to their names in the URI template.']);
      body.line(
        `const ${node.builderName}QueryParametersMapper: Record<string, string> = ${objectLiteral(
          mapper.map(([k, v]) => [k, str(v)]),
          (k) => k,
        )};`,
      );
      body.line();
    }
  }

  if (hasNavigation(node)) {
    ctx.imports.add(kiota, 'KeysToExcludeForNavigationMetadata', true);
    ctx.imports.add(kiota, 'NavigationMetadata', true);
    body.doc(['How the proxy navigates from this builder to its children.']);
    body.block(
      `export const ${node.builderName}NavigationMetadata: Record<Exclude<keyof ${node.builderName}, KeysToExcludeForNavigationMetadata>, NavigationMetadata> = {`,
      () => {
        for (const child of node.children) {
          const entries: [string, string][] = [];
          if (hasRequests(child)) entries.push(['requestsMetadata', `${child.builderName}RequestsMetadata`]);
          if (hasNavigation(child))
            entries.push(['navigationMetadata', `${child.builderName}NavigationMetadata`]);
          if (child.isItem) entries.push(['pathParametersMappings', `[${str(child.segment)}]`]);
          body.line(
            `${child.isItem ? indexerName(child) : child.segment}: ${objectLiteral(entries, (k) => k)},`,
          );
        }
      },
      '};',
    );
    body.line();
  }

  if (hasRequests(node)) {
    ctx.imports.add(kiota, 'RequestsMetadata', true);
    body.doc(['What each HTTP method of this builder sends and expects back.']);
    body.block(
      `export const ${node.builderName}RequestsMetadata: RequestsMetadata = {`,
      () => {
        for (const op of node.operations)
          body.line(`${op.method}: ${requestMetadata(ctx, node, op, ir.errorModel)},`);
      },
      '};',
    );
    body.line();
  }

  if (isRoot) {
    ctx.imports.add(kiota, 'RequestAdapter', true);
    ctx.imports.add(kiota, 'apiClientProxifier');
    body.doc([
      `Creates the request builders on an existing request adapter (and so its authentication and middleware).`,
      `An adapter without a base URL gets ${ir.serverUrl}.`,
    ]);
    body.block(
      `export function create${node.builderName}(requestAdapter: RequestAdapter): ${node.builderName} {`,
      () => {
        body.line(
          `if (requestAdapter.baseUrl === undefined || requestAdapter.baseUrl === '') requestAdapter.baseUrl = ${str(ir.serverUrl)};`,
        );
        body.line('const pathParameters: Record<string, unknown> = { baseurl: requestAdapter.baseUrl };');
        body.line(
          `return apiClientProxifier<${node.builderName}>(requestAdapter, pathParameters, ${hasNavigation(node) ? `${node.builderName}NavigationMetadata` : 'undefined'}, undefined);`,
        );
      },
    );
  }

  const p = new Printer().lines(generatedHeader(source));
  ctx.imports.print(p);
  return `${p.toString()}\n${body.toString()}`;
}

/** One file per node of the resource tree (`<segments>/index.ts`), and the client at the root. */
export function emitBuilders(ir: GeneratorIR, source: string): Map<string, string> {
  const models = new Map(ir.models.map((m) => [m.fullName, m]));
  const files = new Map<string, string>();
  const visit = (node: TreeNode): void => {
    files.set(fileOf(node), emitNode(node, ir, source, models));
    for (const child of node.children) visit(child);
  };
  visit(ir.root);
  return files;
}
