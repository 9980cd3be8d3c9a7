import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workspaceRoot } from '@tendril/shared/launcher';

// The official OCDS 1.1.5 schemas as copied into the repository (SHA-256 checked by the tender open-data specs).
const SCHEMA_DIR = path.join(workspaceRoot, 'libs/tender/open-data/src/lib/ocds/schema/1.1.5');
const schema = (file: string) => JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;

/** Validators answering the list of errors (empty when the package is valid) for release and record packages. */
export const ocdsValidators = () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(schema('release-schema.json'));
  ajv.addSchema(schema('versioned-release-validation-schema.json'));
  const releasePackage = ajv.compile(schema('release-package-schema.json'));
  const recordPackage = ajv.compile(schema('record-package-schema.json'));
  const errorsOf = (validate: typeof releasePackage, data: unknown) =>
    validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  return {
    releasePackageErrors: (data: unknown) => errorsOf(releasePackage, data),
    recordPackageErrors: (data: unknown) => errorsOf(recordPackage, data),
  };
};
