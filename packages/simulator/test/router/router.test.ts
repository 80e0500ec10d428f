import { describe, expect, it } from 'vitest';
import { buildModel, createRouter } from '../../src/index.js';
import { spec, validator } from '../harness.js';

const router = createRouter(buildModel(spec, validator.catalogue));
const ns = 'external.industryData';

describe('the router', () => {
  it.each([
    ['a set', 'GET', '/beta/external/industryData/years', `${ns}.ListYears`, {}],
    ['without /beta', 'GET', '/external/industryData/years', `${ns}.ListYears`, {}],
    ['any casing', 'GET', '/BETA/External/IndustryData/YEARS', `${ns}.ListYears`, {}],
    ['a trailing slash', 'GET', '/beta/external/industryData/years/', `${ns}.ListYears`, {}],
    [
      'a key segment',
      'GET',
      '/beta/external/industryData/years/y1',
      `${ns}.GetYears`,
      { yearTimePeriodDefinitionId: 'y1' },
    ],
    [
      'a quoted key in parentheses',
      'GET',
      "/beta/external/industryData/years('y1')",
      `${ns}.GetYears`,
      { yearTimePeriodDefinitionId: 'y1' },
    ],
    [
      'a bare key in parentheses',
      'GET',
      '/beta/external/industryData/years(y1)',
      `${ns}.GetYears`,
      { yearTimePeriodDefinitionId: 'y1' },
    ],
    [
      'a named key',
      'GET',
      "/beta/external/industryData/years(id='y1')",
      `${ns}.GetYears`,
      { yearTimePeriodDefinitionId: 'y1' },
    ],
    [
      'a doubled quote',
      'GET',
      "/beta/external/industryData/years('o''brien')",
      `${ns}.GetYears`,
      { yearTimePeriodDefinitionId: "o'brien" },
    ],
    [
      'a percent-encoded key',
      'GET',
      '/beta/external/industryData/years/a%2Fb',
      `${ns}.GetYears`,
      { yearTimePeriodDefinitionId: 'a/b' },
    ],
    [
      'contained, keys in parentheses',
      'POST',
      "/beta/external/industryData/outboundProvisioningFlowSets('s')/provisioningFlows('f')/reset",
      `${ns}.outboundProvisioningFlowSets.provisioningFlows.reset`,
      { outboundProvisioningFlowSetId: 's', provisioningFlowId: 'f' },
    ],
    [
      'a function with ()',
      'GET',
      '/beta/external/industryData/runs/r/getStatistics()',
      `${ns}.runs.getStatistics`,
      { industryDataRunId: 'r' },
    ],
    [
      'a type cast and a function with a parameter',
      'GET',
      '/beta/external/industryData/dataConnectors/c/microsoft.graph.industryData.azureDataLakeConnector/getUploadSession(resetSession=true)',
      `${ns}.dataConnectors.microsoft.graph.industryData.azureDataLakeConnector.getUploadSession`,
      { industryDataConnectorId: 'c' },
    ],
    [
      'a navigation',
      'GET',
      '/beta/external/industryData/inboundFlows/f/dataConnector',
      `${ns}.inboundFlows.GetDataConnector`,
      { inboundFlowId: 'f' },
    ],
    ['the root', 'GET', '/beta/external/industryData', 'external.GetIndustryData', {}],
  ])('%s: %s %s', (_name, method, path, operation, params) => {
    const found = router.match(method, path);
    expect(found.ok && found.operation.id).toBe(operation);
    expect(found.ok && found.params).toEqual(params);
  });

  it('a function call keeps its parameters', () => {
    const found = router.match(
      'GET',
      '/beta/external/industryData/dataConnectors/c/microsoft.graph.industryData.azureDataLakeConnector/getUploadSession(resetSession=true)',
    );
    expect(found.ok && found.args).toEqual({ resetSession: 'true' });
  });

  it.each([
    ['an unknown set', 'GET', '/beta/external/industryData/widgets', 404],
    ['a dot segment', 'GET', '/beta/./external/industryData/years', 404],
    ['v1.0 (industryData is beta only)', 'GET', '/v1.0/external/industryData/years', 404],
    ['a method the resource does not have', 'PUT', '/beta/external/industryData/years/y1', 405],
    ['bad percent-encoding', 'GET', '/beta/external/industryData/years/%E0%A4%A', 400],
    ['an unclosed quote', 'GET', "/beta/external/industryData/years('y1)", 404],
  ])('%s: %s %s → %i', (_name, method, path, status) => {
    const found = router.match(method, path);
    expect(found.ok).toBe(false);
    expect(!found.ok && found.status).toBe(status);
  });

  it('a 405 says which methods the resource takes', () => {
    const found = router.match('PUT', '/beta/external/industryData/years/y1');
    expect(!found.ok && found.allow).toEqual(['DELETE', 'GET', 'PATCH']);
  });

  it.each([
    [
      'a bound function without its type-cast segment',
      '/beta/external/industryData/dataConnectors/c1/getUploadSession',
      'getUploadSession is bound to azureDataLakeConnector: call it through the type-cast segment, …/microsoft.graph.industryData.azureDataLakeConnector/getUploadSession',
    ],
    [
      'the $count segment (never taken for a key)',
      '/beta/external/industryData/years/$count',
      'the API documents no /$count segment: ask the list for ?$count=true and read @odata.count',
    ],
    [
      'another OData segment',
      '/beta/external/industryData/years/y1/$value',
      'the API documents no $value segment',
    ],
  ])('a 404 says what the path most likely meant: %s', (_name, path, message) => {
    const found = router.match('GET', path);
    expect(!found.ok && [found.status, found.message]).toEqual([404, message]);
  });
});
