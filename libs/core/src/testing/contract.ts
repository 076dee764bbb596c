import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { correctContract } from './contract-corrections';

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

let contractDocument: Record<string, unknown> | undefined;

/**
 * The contract as parsed from YAML. Parsing its 1.2 MB takes about a second and every test file
 * runs in a fresh module registry, so the parsed form is kept as JSON in the temporary folder,
 * keyed by the file's path, size and modification time; JSON reads in a few milliseconds.
 */
function parsedContract(): Record<string, unknown> {
  const path = contractPath();
  const { size, mtimeMs } = statSync(path);
  const key = createHash('sha256').update(`${path}|${size}|${mtimeMs}`).digest('hex').slice(0, 16);
  const cached = join(tmpdir(), `ls-openapi-${key}.json`);
  try {
    return JSON.parse(readFileSync(cached, 'utf8')) as Record<string, unknown>;
  } catch {
    const document = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    // Written aside, then renamed: a parallel test process reads the old file or the whole new one.
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(document));
    renameSync(partial, cached);
    return document;
  }
}

function contract(): Record<string, unknown> {
  if (!contractDocument) {
    contractDocument = parsedContract();
    correctContract(contractDocument);
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

/** Whether this run is a CI run, where a check that cannot run is a failure. */
function underCi(): boolean {
  const ci = process.env.CI?.trim().toLowerCase();
  return !!ci && ci !== 'false' && ci !== '0';
}

/**
 * Whether the contract file is there. Under CI its absence fails the check that needed it, so a
 * missing file can never turn the checks off; elsewhere it is said once, on stderr.
 */
export function contractAvailable(): boolean {
  if (existsSync(contractPath())) return true;
  const message = `Contract ${contractPath()} not found (set LS_OPENAPI_SPEC)`;
  if (underCi()) throw new Error(`${message}: CI checks every response against it.`);
  if (!absenceReported) {
    absenceReported = true;
    process.stderr.write(`${message}: response schemas are not checked.\n`);
  }
  return false;
}

const errorsOf = (validate: ValidateFunction) =>
  (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);

/** Errors of `body` against a schema of the contract's `components.schemas`; empty when it fits. */
export function contractErrors(schemaName: string, body: unknown): string[] {
  if (!contractAvailable()) return [];
  let validate = validators.get(schemaName);
  if (!validate) {
    validate = contractAjv().compile({ $ref: `${SPEC_ID}#/components/schemas/${schemaName}` });
    validators.set(schemaName, validate);
  }
  return validate(body) ? [] : errorsOf(validate);
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

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type ResponseSpec = { content?: Record<string, { schema?: unknown }> };

/** One operation of the contract: its method, path template and documented responses. */
export interface ContractOperation {
  method: string;
  path: string;
  operationId: string;
  responses: Record<string, ResponseSpec>;
}

let operations: ContractOperation[] | undefined;

/** Every operation of the contract (none when the file is missing outside CI). */
export function contractOperations(): ContractOperation[] {
  if (!contractAvailable()) return [];
  if (!operations) {
    const paths = contract().paths as Record<string, Record<string, unknown>>;
    operations = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => HTTP_METHODS.includes(method))
        .map(([method, raw]) => {
          const operation = raw as {
            operationId?: string;
            responses?: ContractOperation['responses'];
          };
          return {
            method: method.toUpperCase(),
            path,
            operationId: operation.operationId ?? `${method} ${path}`,
            responses: operation.responses ?? {},
          };
        }),
    );
  }
  return operations;
}

/**
 * Errors of `body` against the JSON schema the contract gives `operation` for `status`, inline
 * schemas included; `null` when the contract describes no JSON body for that status.
 */
export function operationResponseErrors(
  operation: ContractOperation,
  status: number,
  body: unknown,
): string[] | null {
  const key = `${operation.operationId} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const schema = operation.responses[String(status)]?.content?.['application/json']?.schema;
    if (!schema) return null;
    const rooted = JSON.parse(
      JSON.stringify(toJsonSchema(schema)).replace(/"#\/components\//g, `"${SPEC_ID}#/components/`),
    );
    validate = contractAjv().compile(rooted);
    validators.set(key, validate);
  }
  return validate(body) ? [] : errorsOf(validate);
}

/**
 * Fails the test when `body` does not fit the JSON response schema the contract gives operation
 * `operationId` for `status`, inline schemas included.
 */
export function expectOperationResponse(operationId: string, status: number, body: unknown): void {
  if (!contractAvailable()) return;
  const operation = contractOperations().find((each) => each.operationId === operationId);
  const errors = operation ? operationResponseErrors(operation, status, body) : null;
  if (!errors) throw new Error(`The contract has no JSON ${status} response for ${operationId}`);
  if (errors.length > 0) {
    throw new Error(`Response does not match ${operationId} ${status}:\n  ${errors.join('\n  ')}`);
  }
}
