import * as fs from 'node:fs';
import * as path from 'node:path';

/** The official OCDS 1.1.5 schemas, copied verbatim into this library (see `schema/1.1.5/SOURCE.txt`). */
export const OCDS_SCHEMA_DIR = path.join(__dirname, 'schema', '1.1.5');

export const OCDS_SCHEMA_FILES = [
  'release-schema.json',
  'release-package-schema.json',
  'record-package-schema.json',
  'versioned-release-validation-schema.json',
] as const;

export const readOcdsSchema = (file: (typeof OCDS_SCHEMA_FILES)[number]): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(OCDS_SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
