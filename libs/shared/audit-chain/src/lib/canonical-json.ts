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
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    members.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
  }
  return `{${members.join(',')}}`;
};
