// The OCDS 1.1 merge routine (https://standard.open-contracting.org/1.1/en/schema/merging/): later releases
// override earlier ones field by field; arrays of objects that all carry an `id` merge item by item (identifier
// merge); any other array, and the fields the schema marks `wholeListMerge`, is replaced whole; a `null`
// removes the field; a release's own `id`, `date` and `tag` are omitted (`omitWhenMerged`).

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const WHOLE_LIST_MERGE_FIELDS: ReadonlySet<string> = new Set(['additionalIdentifiers', 'additionalClassifications']);
const OMIT_WHEN_MERGED: ReadonlySet<string> = new Set(['id', 'date', 'tag']);

const isObject = (value: JsonValue | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const isIdentifiedList = (value: JsonValue[]): value is JsonObject[] =>
  value.length > 0 && value.every((item) => isObject(item) && (typeof item['id'] === 'string' || typeof item['id'] === 'number'));

/** Drops `null` fields at any depth: in a compiled release a null means "not known", so it is left out. */
const withoutNulls = (value: JsonValue): JsonValue | undefined => {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => withoutNulls(item)).filter((item): item is JsonValue => item !== undefined);
  if (isObject(value)) return mergeObjects({}, value);
  return value;
};

const mergeIdentifiedLists = (earlier: JsonObject[], later: JsonObject[]): JsonObject[] => {
  const merged = earlier.map((item) => ({ ...item }));
  for (const item of later) {
    const index = merged.findIndex((candidate) => String(candidate['id']) === String(item['id']));
    if (index === -1) merged.push(mergeObjects({}, item));
    else merged[index] = mergeObjects(merged[index] ?? {}, item);
  }
  return merged;
};

const mergeField = (key: string, earlier: JsonValue | undefined, later: JsonValue): JsonValue | undefined => {
  if (later === null) return undefined;
  if (isObject(later)) return mergeObjects(isObject(earlier) ? earlier : {}, later);
  if (Array.isArray(later)) {
    if (!WHOLE_LIST_MERGE_FIELDS.has(key) && isIdentifiedList(later)) {
      const previous = Array.isArray(earlier) && isIdentifiedList(earlier) ? earlier : [];
      return mergeIdentifiedLists(previous, later);
    }
    return withoutNulls(later);
  }
  return later;
};

const mergeObjects = (earlier: JsonObject, later: JsonObject): JsonObject => {
  const merged: JsonObject = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    const next = mergeField(key, merged[key], value);
    if (next === undefined) delete merged[key];
    else merged[key] = next;
  }
  return merged;
};

/**
 * The compiled release: the current state of every field, from releases of one contracting process in date
 * order (a stable sort keeps the publication order of releases with the same date).
 */
export const mergeReleases = (releases: readonly JsonObject[]): JsonObject => {
  const ordered = [...releases].sort((a, b) => String(a['date']).localeCompare(String(b['date'])));
  let compiled: JsonObject = {};
  for (const release of ordered) {
    const content: JsonObject = Object.fromEntries(Object.entries(release).filter(([key]) => !OMIT_WHEN_MERGED.has(key)));
    compiled = mergeObjects(compiled, content);
  }
  return compiled;
};
