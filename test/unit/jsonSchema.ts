// JSON Schema checking for the tests, with Ajv (draft-07, the schema's dialect) and its formats. Strict mode:
// a keyword Ajv does not know is an error, not a silent pass.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type Schema = { [keyword: string]: unknown };

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const compiled = new WeakMap<Schema, ValidateFunction>();

/** Every way `value` breaks `schema`, as "path: reason" ([] when it is valid); throws on a schema Ajv refuses. */
export function validate(schema: Schema, value: unknown): string[] {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = ajv.compile(schema)));
  if (check(value)) return [];
  return (check.errors ?? []).map(e => `$${e.instancePath.replace(/\//g, '.')}: ${e.message ?? e.keyword}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}
