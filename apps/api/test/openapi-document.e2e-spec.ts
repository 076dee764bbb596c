import { OpenAPIObject } from '@nestjs/swagger';
import { contractAvailable, contractOperations, createTestApp, TestApp } from '@ls/core/testing';
import { DOMAIN_MODULES, HTTP_MODULES } from '../src/app.module';

type Schema = { $ref?: string; type?: string; items?: Schema };
type Responses = Record<string, { content?: Record<string, { schema?: unknown }> }>;

interface DocumentedOperation {
  key: string;
  operationId: string;
  responses: Responses;
}

/**
 * Where our response is deliberately another schema than the contract's, with why
 * (docs/contract-deviations.md).
 */
const OTHER_SCHEMA_THAN_CONTRACT: Record<string, string> = {
  'api_tasks_retrieve 200': 'RoleBasedTask is a oneOf of task shapes; we serve its LseTask member',
  'api_tasks_partial_update 200': 'RoleBasedTask is a oneOf of task shapes; we serve LseTask',
  'api_activity_logs_list 200':
    'the contract wraps ActivityLogResponse in an array; we serve the object',
  'api_workspaces_projects_retrieve 200':
    'the projects of a workspace as the project list shows them (LseProject)',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

function operationsOf(document: OpenAPIObject): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => method in item).map((method) => {
      const operation = item[method as keyof typeof item] as {
        operationId: string;
        responses: Responses;
      };
      return {
        key: `${method.toUpperCase()} ${path}`,
        operationId: operation.operationId,
        responses: operation.responses,
      };
    }),
  );
}

/** `Foo` for a schema `$ref: #/components/schemas/Foo`, `[Foo]` for an array of them. */
function schemaName(given: unknown): string | undefined {
  const schema = given as Schema | undefined;
  if (!schema) return undefined;
  if (schema.$ref) return schema.$ref.split('/').pop();
  if (schema.type === 'array' && schema.items?.$ref) return `[${schemaName(schema.items)}]`;
  return undefined;
}

const jsonSchemaOf = (responses: Responses, status: string) =>
  responses[status]?.content?.['application/json']?.schema;

describe('our OpenAPI document (/docs-json)', () => {
  let testApp: TestApp;
  let operations: DocumentedOperation[];

  beforeAll(async () => {
    testApp = await createTestApp({ imports: [...DOMAIN_MODULES, ...HTTP_MODULES] });
    const { body } = await testApp.http().get('/docs-json').expect(200);
    operations = operationsOf(body as OpenAPIObject);
  }, 60_000);

  afterAll(() => testApp.close());

  it('documents a response body for every operation, or that it has none (204, or as the contract)', () => {
    // Operations whose success the contract gives without a body (storage `validate`: 200).
    const bodiless = new Set(
      (contractAvailable() ? contractOperations() : [])
        .filter((op) =>
          Object.entries(op.responses).some(
            ([status, response]) => /^2\d\d$/.test(status) && !response.content,
          ),
        )
        .map((op) => op.operationId),
    );
    const undocumented = operations.filter(({ operationId, responses }) => {
      if (bodiless.has(operationId)) return false;
      const successes = Object.keys(responses).filter((status) => /^2\d\d$/.test(status));
      return !successes.some(
        (status) =>
          status === '204' ||
          Object.values(responses[status].content ?? {}).some((media) => media.schema),
      );
    });
    expect(operations.length).toBeGreaterThan(90);
    expect(undocumented.map(({ key, operationId }) => `${key} (${operationId})`)).toEqual([]);
  });

  (contractAvailable() ? it : it.skip)(
    "names each response schema as the contract does, and documents the contract's status",
    () => {
      const contract = new Map(contractOperations().map((op) => [op.operationId, op]));
      const problems = operations.flatMap(({ key, operationId, responses }) => {
        const theirs = contract.get(operationId);
        if (!theirs) return [];
        return Object.keys(theirs.responses)
          .filter((status) => /^2\d\d$/.test(status))
          .flatMap((status) => {
            if (!(status in responses)) return [`${key}: no ${status} response as the contract`];
            const expected = schemaName(jsonSchemaOf(theirs.responses, status));
            const ours = schemaName(jsonSchemaOf(responses, status));
            if (!expected || expected === ours) return [];
            if (`${operationId} ${status}` in OTHER_SCHEMA_THAN_CONTRACT) return [];
            return [`${key} ${status}: ${ours ?? 'an unnamed schema'}, the contract ${expected}`];
          });
      });
      expect(problems).toEqual([]);
    },
  );
});
