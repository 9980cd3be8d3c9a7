import { OpenDataConfigError, parseOpenDataConfig } from './open-data.config';

describe('Open data configuration', () => {
  it('defaults to the local gateway and the Tendril prefix', () => {
    expect(parseOpenDataConfig({})).toEqual({
      publisher: { ocidPrefix: 'ocds-tndrl1', name: 'Tendril', uri: 'http://localhost:4000' },
      baseUri: 'http://localhost:4000/open-data',
    });
  });

  it('takes the registered prefix, the publisher name and the public address', () => {
    expect(parseOpenDataConfig({ OCDS_OCID_PREFIX: 'ocds-ab12cd', OCDS_PUBLISHER_NAME: 'Northmoor Council', PUBLIC_BASE_URL: 'https://tenders.northmoor.example/' })).toEqual({
      publisher: { ocidPrefix: 'ocds-ab12cd', name: 'Northmoor Council', uri: 'https://tenders.northmoor.example' },
      baseUri: 'https://tenders.northmoor.example/open-data',
    });
  });

  it('names every wrong value at once', () => {
    expect(() => parseOpenDataConfig({ OCDS_OCID_PREFIX: 'tendril', PUBLIC_BASE_URL: 'not a url' })).toThrow(OpenDataConfigError);
    try {
      parseOpenDataConfig({ OCDS_OCID_PREFIX: 'tendril', PUBLIC_BASE_URL: 'ftp://x' });
    } catch (error) {
      expect((error as OpenDataConfigError).problems).toEqual([
        `OCDS_OCID_PREFIX must be "ocds-" and six lower-case letters or digits, e.g. ocds-tndrl1; got 'tendril'.`,
        `PUBLIC_BASE_URL must be an http(s) URL; got 'ftp://x'.`,
      ]);
    }
    expect.assertions(2);
  });
});
