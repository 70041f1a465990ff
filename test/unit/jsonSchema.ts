// A tiny JSON Schema (draft-07) checker for the subset media/sidecar.schema.json uses. A keyword it does not
// know is an error, not a pass: the schema can only use what is checked here.

export type Schema = { [keyword: string]: unknown };

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'definitions']);
const KNOWN = new Set([...ANNOTATIONS, '$ref', 'type', 'const', 'enum', 'pattern', 'minLength', 'minimum', 'maximum', 'format',
  'required', 'properties', 'additionalProperties', 'items', 'anyOf']);

// RFC 3339 date-time, as JSON Schema's "date-time" format means it
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Every way `value` breaks `schema`, as "path: reason" ([] when it is valid). */
export function validate(schema: Schema, value: unknown, root: Schema = schema, at = '$'): string[] {
  for (const keyword of Object.keys(schema)) if (!KNOWN.has(keyword)) throw new Error(`the checker does not know the keyword ${keyword} (at ${at})`);
  if (typeof schema.$ref === 'string') {
    const match = /^#\/definitions\/([\w-]+)$/.exec(schema.$ref);
    const target = match && (root.definitions as Record<string, Schema> | undefined)?.[match[1]];
    if (!target) throw new Error(`cannot resolve $ref ${schema.$ref}`);
    return validate(target, value, root, at);
  }
  const errors: string[] = [];
  const fail = (why: string) => errors.push(`${at}: ${why}`);
  const type = typeOf(value);
  if (schema.type !== undefined) {
    const allowed = ([] as unknown[]).concat(schema.type);
    if (!allowed.some(t => t === type || (t === 'number' && type === 'integer'))) return [`${at}: is ${type}, not ${allowed.join(' or ')}`];
  }
  if ('const' in schema && value !== schema.const) fail(`is not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) fail(`${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail(`${JSON.stringify(value)} does not match ${schema.pattern}`);
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) fail(`is shorter than ${schema.minLength}`);
    if (schema.format !== undefined) {
      if (schema.format !== 'date-time') throw new Error(`the checker does not know the format ${String(schema.format)}`);
      if (!DATE_TIME.test(value)) fail(`${JSON.stringify(value)} is not a date-time`);
    }
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`is less than ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`is more than ${schema.maximum}`);
  }
  if (type === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) if (!(key in object)) fail(`lacks ${key}`);
    for (const [key, v] of Object.entries(object)) {
      if (properties[key]) errors.push(...validate(properties[key], v, root, `${at}.${key}`));
      else if (schema.additionalProperties === false) fail(`has no property ${key}`);
      else if (typeof schema.additionalProperties === 'object') errors.push(...validate(schema.additionalProperties as Schema, v, root, `${at}.${key}`));
    }
  }
  if (type === 'array' && schema.items) (value as unknown[]).forEach((item, i) => errors.push(...validate(schema.items as Schema, item, root, `${at}[${i}]`)));
  if (Array.isArray(schema.anyOf)) {
    const results = (schema.anyOf as Schema[]).map(s => validate(s, value, root, at));
    if (!results.some(r => r.length === 0)) fail(`matches none of anyOf (${results.map(r => r.join('; ')).join(' | ')})`);
  }
  return errors;
}
