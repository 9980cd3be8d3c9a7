/**
 * RFC 8785 (JSON Canonicalization Scheme) for the values the event store accepts: plain objects,
 * arrays, strings, finite numbers, booleans and null. Object keys are sorted by UTF-16 code units
 * (JavaScript's default sort) and numbers and strings are written as ECMAScript's JSON.stringify
 * writes them, which is what RFC 8785 prescribes.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonical JSON has no form for a value of type ${typeof value}`);
  }
  // Plain loops and string building: this runs for every event appended, inside the append path.
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) out += ',';
      out += canonicalJson(value[index]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
};
