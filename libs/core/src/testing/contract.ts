import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const SPEC_ID = 'label-studio-openapi';

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** The reference contract; `LS_OPENAPI_SPEC` overrides where it is read from. */
export function contractPath(): string {
  return (
    process.env.LS_OPENAPI_SPEC ?? resolve(__dirname, '../../../../../shared/spec/openapi.yaml')
  );
}

/**
 * OpenAPI 3.0's `nullable: true` is not JSON Schema: turn it into a `null` alternative, also where
 * it stands beside `allOf` or `$ref` without a `type`.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const converted = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, toJsonSchema(value)]),
  ) as Record<string, unknown>;
  if (converted.nullable !== true) return converted;
  const { nullable: _nullable, ...rest } = converted;
  if (typeof rest.type === 'string' && !rest.allOf && !rest.$ref && !rest.enum) {
    return { ...rest, type: [rest.type, 'null'] };
  }
  return { anyOf: [rest, { type: 'null' }] };
}

type SchemaNode = { properties?: Record<string, unknown>; oneOf?: unknown; anyOf?: unknown };

const LIST = { type: 'array', items: { type: 'object' } };
const INTEGER = { type: 'integer', readOnly: true };
/** Counters the project list and counts schemas type as strings. */
const INTEGER_COUNTERS = {
  queue_total: INTEGER,
  skipped_annotations_number: INTEGER,
  total_annotations_number: INTEGER,
};

/**
 * Where the contract disagrees with what Label Studio serves and its clients read, the schema is
 * corrected here before checking, so every deviation is listed in one place (see
 * docs/contract-deviations.md):
 * - a task's `annotations` are a list of annotation objects, typed as a string by the contract;
 * - `RoleBasedTask` is a `oneOf` whose first two members are the same schema, so no body can
 *   match exactly one of them: it is checked as `anyOf`;
 * - project counters are integers, typed as strings in the list and counts schemas.
 */
const SCHEMA_CORRECTIONS: Record<string, (schema: SchemaNode) => void> = {
  LseTask: (schema) => Object.assign(schema.properties ?? {}, { annotations: LIST }),
  LseTaskSerializerForReviewers: (schema) =>
    Object.assign(schema.properties ?? {}, { annotations: LIST }),
  RoleBasedTask: (schema) => {
    schema.anyOf = schema.oneOf;
    delete schema.oneOf;
  },
  AllRolesProjectList: (schema) => Object.assign(schema.properties ?? {}, INTEGER_COUNTERS),
  LseProjectCounts: (schema) => Object.assign(schema.properties ?? {}, INTEGER_COUNTERS),
};

let contractDocument: Record<string, unknown> | undefined;

function contract(): Record<string, unknown> {
  if (!contractDocument) {
    contractDocument = parse(readFileSync(contractPath(), 'utf8')) as Record<string, unknown>;
    const schemas = (contractDocument.components as { schemas: Record<string, SchemaNode> })
      .schemas;
    for (const [name, correct] of Object.entries(SCHEMA_CORRECTIONS)) {
      if (schemas[name]) correct(schemas[name]);
    }
  }
  return contractDocument;
}

function contractAjv(): Ajv {
  if (!ajv) {
    const spec = contract();
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    // drf-spectacular's format for DecimalField, sent as a string.
    ajv.addFormat('decimal', /^-?\d+(\.\d+)?$/);
    ajv.addSchema({ $id: SPEC_ID, components: toJsonSchema(spec.components) }, SPEC_ID);
  }
  return ajv;
}

let absenceReported = false;

/** Whether the contract file is there; says once, on stderr, when it is not. */
function contractAvailable(): boolean {
  if (existsSync(contractPath())) return true;
  if (!absenceReported) {
    absenceReported = true;
    process.stderr.write(
      `Contract ${contractPath()} not found (set LS_OPENAPI_SPEC): response schemas are not checked.\n`,
    );
  }
  return false;
}

/** Errors of `body` against a schema of the contract's `components.schemas`; empty when it fits. */
export function contractErrors(schemaName: string, body: unknown): string[] {
  if (!contractAvailable()) return [];
  let validate = validators.get(schemaName);
  if (!validate) {
    validate = contractAjv().compile({ $ref: `${SPEC_ID}#/components/schemas/${schemaName}` });
    validators.set(schemaName, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
}

/**
 * Fails the test with every mismatch when `body` does not fit the contract's schema `schemaName`;
 * for an array of them pass `[schemaName]`.
 */
export function expectContract(schemaName: string | [string], body: unknown): void {
  const errors = Array.isArray(schemaName)
    ? Array.isArray(body)
      ? body.flatMap((item, index) =>
          contractErrors(schemaName[0], item).map((e) => `[${index}] ${e}`),
        )
      : ['(root) must be an array']
    : contractErrors(schemaName, body);
  if (errors.length > 0) {
    throw new Error(`Response does not match ${schemaName}:\n  ${errors.join('\n  ')}`);
  }
}

type Operation = {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

/**
 * Fails the test when `body` does not fit the JSON response schema the contract gives operation
 * `operationId` for `status`, inline schemas included.
 */
export function expectOperationResponse(operationId: string, status: number, body: unknown): void {
  if (!contractAvailable()) return;
  const key = `${operationId} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const paths = contract().paths as Record<string, Record<string, Operation>>;
    const operation = Object.values(paths)
      .flatMap((item) => Object.values(item))
      .find((candidate) => candidate?.operationId === operationId);
    const schema = operation?.responses?.[String(status)]?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`The contract has no JSON ${status} response for ${operationId}`);
    const rooted = JSON.parse(
      JSON.stringify(toJsonSchema(schema)).replace(/"#\/components\//g, `"${SPEC_ID}#/components/`),
    );
    validate = contractAjv().compile(rooted);
    validators.set(key, validate);
  }
  if (!validate(body)) {
    const errors = (validate.errors ?? []).map(
      (e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`,
    );
    throw new Error(`Response does not match ${operationId} ${status}:\n  ${errors.join('\n  ')}`);
  }
}
