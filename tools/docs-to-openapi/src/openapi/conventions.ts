import type { ParameterObject, SchemaObject } from '@sds-toolkit/openapi-model';

/**
 * Graph-wide conventions that no single resource or API page restates: the OData query parameters and the
 * error envelope are documented once for all of Graph ("Use query parameters", "Microsoft Graph error
 * responses and resource types"), so they are written here once rather than extracted per page.
 */
export const queryParameterSchemas: Readonly<Record<string, ParameterObject>> = {
  $count: { name: '$count', in: 'query', description: 'Include count of items', schema: { type: 'boolean' } },
  $expand: {
    name: '$expand',
    in: 'query',
    description: 'Expand related entities',
    style: 'form',
    explode: false,
    schema: { type: 'array', items: { type: 'string' } },
  },
  $filter: {
    name: '$filter',
    in: 'query',
    description: 'Filter items by property values',
    schema: { type: 'string' },
  },
  $orderby: {
    name: '$orderby',
    in: 'query',
    description: 'Order items by property values',
    style: 'form',
    explode: false,
    schema: { type: 'array', items: { type: 'string' } },
  },
  $search: {
    name: '$search',
    in: 'query',
    description: 'Search items by search phrases',
    schema: { type: 'string' },
  },
  $select: {
    name: '$select',
    in: 'query',
    description: 'Select properties to be returned',
    style: 'form',
    explode: false,
    schema: { type: 'array', items: { type: 'string' } },
  },
  $skip: {
    name: '$skip',
    in: 'query',
    description: 'Skip the first n items',
    schema: { type: 'integer', minimum: 0 },
  },
  $top: {
    name: '$top',
    in: 'query',
    description: 'Show only the first n items',
    schema: { type: 'integer', minimum: 0 },
  },
};

export const parameterComponentName = (name: string): string => name.replace(/^\$/, '');

export const odataErrorSchemas: Readonly<Record<string, SchemaObject>> = {
  'microsoft.graph.ODataErrors.ODataError': {
    type: 'object',
    required: ['error'],
    properties: { error: { $ref: '#/components/schemas/microsoft.graph.ODataErrors.MainError' } },
  },
  'microsoft.graph.ODataErrors.MainError': {
    type: 'object',
    required: ['code', 'message'],
    properties: {
      code: { type: 'string' },
      message: { type: 'string' },
      target: { type: 'string', nullable: true },
      details: {
        type: 'array',
        items: { $ref: '#/components/schemas/microsoft.graph.ODataErrors.ErrorDetails' },
      },
      innerError: { $ref: '#/components/schemas/microsoft.graph.ODataErrors.InnerError' },
    },
  },
  'microsoft.graph.ODataErrors.ErrorDetails': {
    type: 'object',
    required: ['code', 'message'],
    properties: {
      code: { type: 'string' },
      message: { type: 'string' },
      target: { type: 'string', nullable: true },
    },
  },
  'microsoft.graph.ODataErrors.InnerError': {
    type: 'object',
    properties: {
      'request-id': { type: 'string', nullable: true },
      'client-request-id': { type: 'string', nullable: true },
      // Graph writes this date in UTC without a time zone designator (2024-03-25T21:55:03), not RFC 3339.
      date: { type: 'string', nullable: true },
    },
  },
};

export const graphServer = (version: 'beta' | 'v1.0'): string => `https://graph.microsoft.com/${version}`;
