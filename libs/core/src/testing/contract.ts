import { readFileSync } from 'node:fs';
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

function contractAjv(): Ajv {
  if (!ajv) {
    const spec = parse(readFileSync(contractPath(), 'utf8')) as Record<string, unknown>;
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema({ $id: SPEC_ID, components: spec.components }, SPEC_ID);
  }
  return ajv;
}

/** Errors of `body` against a schema of the contract's `components.schemas`; empty when it fits. */
export function contractErrors(schemaName: string, body: unknown): string[] {
  let validate = validators.get(schemaName);
  if (!validate) {
    validate = contractAjv().compile({ $ref: `${SPEC_ID}#/components/schemas/${schemaName}` });
    validators.set(schemaName, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
}

/** Fails the test with every mismatch when `body` does not fit the contract's schema. */
export function expectContract(schemaName: string, body: unknown): void {
  const errors = contractErrors(schemaName, body);
  if (errors.length > 0) {
    throw new Error(`Response does not match ${schemaName}:\n  ${errors.join('\n  ')}`);
  }
}
