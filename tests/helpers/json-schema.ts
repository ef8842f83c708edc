/**
 * A small JSON Schema (draft-07) checker for the keywords Sveltia CMS's published schema uses:
 * `$ref`, `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`, `const`,
 * `anyOf`, `not`, `minItems`, `maxItems`, `minLength`. No validator library is installed, and zod's
 * `fromJSONSchema` cannot read `not`. Returns every error as `path: message`; empty when valid.
 */
export type JsonSchema = boolean | { [keyword: string]: unknown };

type Definitions = Record<string, JsonSchema>;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

function check(value: unknown, schema: JsonSchema, definitions: Definitions, at: string): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at}: not allowed`];
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/definitions/", "");
    const target = definitions[name];
    if (target === undefined) return [`${at}: unknown $ref ${schema.$ref}`];
    return check(value, target, definitions, at);
  }
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => matchesType(value, type)))
      return [`${at}: expected ${types.join("|")}, got ${typeOf(value)}`];
  }
  if ("const" in schema && value !== schema.const) errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${at}: not one of ${schema.enum.join(", ")}`);
  if (typeof schema.minLength === "number" && typeof value === "string" && value.length < schema.minLength) {
    errors.push(`${at}: shorter than ${schema.minLength}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) errors.push(`${at}: too few items`);
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) errors.push(`${at}: too many items`);
    if (Array.isArray(schema.items)) {
      value.forEach((item, index) => {
        const itemSchema = (schema.items as JsonSchema[])[index];
        if (itemSchema !== undefined) errors.push(...check(item, itemSchema, definitions, `${at}[${index}]`));
      });
    } else if (schema.items !== undefined) {
      value.forEach((item, index) => {
        errors.push(...check(item, schema.items as JsonSchema, definitions, `${at}[${index}]`));
      });
    }
  }
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in object)) errors.push(`${at}: missing required "${key}"`);
    }
    for (const [key, item] of Object.entries(object)) {
      if (key in properties) errors.push(...check(item, properties[key] as JsonSchema, definitions, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unknown option "${key}"`);
      else if (typeof schema.additionalProperties === "object") {
        errors.push(...check(item, schema.additionalProperties as JsonSchema, definitions, `${at}.${key}`));
      }
    }
  }
  if (Array.isArray(schema.anyOf)) {
    const branches = (schema.anyOf as JsonSchema[]).map((branch) => check(value, branch, definitions, at));
    if (!branches.some((branch) => branch.length === 0)) {
      const closest = branches.reduce((best, branch) => (branch.length < best.length ? branch : best));
      errors.push(`${at}: matches none of ${branches.length} alternatives; closest: ${closest.join("; ")}`);
    }
  }
  if (schema.not !== undefined && check(value, schema.not as JsonSchema, definitions, at).length === 0) {
    errors.push(`${at}: matches a schema it must not`);
  }
  return errors;
}

/** Checks a value against a JSON Schema document with `definitions` and a root `$ref`. */
export function validateJsonSchema(
  value: unknown,
  document: { definitions?: Definitions } & Record<string, unknown>,
): string[] {
  return check(value, document as JsonSchema, document.definitions ?? {}, "$");
}
