import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readOcdsSchema } from '../ocds/ocds-schema-files';

/** Validators for release and record packages against the official draft-04 schemas, for tests. */
export const ocdsValidators = () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(readOcdsSchema('release-schema.json'));
  ajv.addSchema(readOcdsSchema('versioned-release-validation-schema.json'));
  const releasePackage = ajv.compile(readOcdsSchema('release-package-schema.json'));
  const recordPackage = ajv.compile(readOcdsSchema('record-package-schema.json'));
  const errorsOf = (validate: typeof releasePackage, data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));
  return {
    releasePackageErrors: (data: unknown) => errorsOf(releasePackage, data),
    recordPackageErrors: (data: unknown) => errorsOf(recordPackage, data),
  };
};
