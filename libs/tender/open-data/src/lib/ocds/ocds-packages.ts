import { type JsonObject, mergeReleases } from './ocds-merge';
import { buildOcdsReleases, ocidFor, type OcdsRelease, type OcdsReleaseOptions } from './ocds-releases';
import type { TenderEventSources } from './ocds-sources';

/** The OCDS extensions the packages use: lots (tender.lots, awards.relatedLots) and subcontracting (awards.subcontracting). */
export const OCDS_EXTENSIONS: readonly string[] = [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_subcontracting_extension/master/extension.json',
];

export const OCDS_LICENSE = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

export interface OcdsPackageOptions extends OcdsReleaseOptions {
  /** Absolute base of the public download routes, e.g. `https://tendril.example/open-data`. */
  readonly baseUri: string;
}

export const releasePackageUri = (baseUri: string, tenderId: string) => `${baseUri}/tenders/${encodeURIComponent(tenderId)}/ocds-release-package.json`;
export const recordPackageUri = (baseUri: string, tenderId: string) => `${baseUri}/tenders/${encodeURIComponent(tenderId)}/ocds-record-package.json`;

const packageMetadata = (options: OcdsPackageOptions, uri: string): JsonObject => ({
  uri,
  version: '1.1',
  extensions: [...OCDS_EXTENSIONS],
  publishedDate: options.asOf,
  publisher: { name: options.publisher.name, uri: options.publisher.uri },
  license: OCDS_LICENSE,
  publicationPolicy: `${options.baseUri}/publication-policy`,
});

export interface OcdsReleasePackage extends JsonObject {
  releases: OcdsRelease[];
}

/** Every release of the tender's contracting process; null when no such tender was published. */
export const buildOcdsReleasePackage = (tenderId: string, sources: TenderEventSources, options: OcdsPackageOptions): OcdsReleasePackage | null => {
  const releases = buildOcdsReleases(sources, options);
  if (releases.length === 0) return null;
  return { ...packageMetadata(options, releasePackageUri(options.baseUri, tenderId)), releases };
};

/**
 * The tender's record: its releases linked by URL into the release package (in date order) and the compiled
 * release merged from them by the OCDS merge rules.
 */
export const buildOcdsRecordPackage = (tenderId: string, sources: TenderEventSources, options: OcdsPackageOptions): JsonObject | null => {
  const releases = buildOcdsReleases(sources, options);
  const last = releases.at(-1);
  if (last === undefined) return null;
  const releasesUri = releasePackageUri(options.baseUri, tenderId);
  const ocid = ocidFor(options.publisher.ocidPrefix, tenderId);
  const linked = [...releases]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((release) => ({ url: `${releasesUri}#${release.id}`, date: release.date, tag: release.tag }));
  const latestDate = linked.at(-1)?.date ?? last.date;
  const compiledRelease: JsonObject = {
    ocid,
    id: `${ocid}-compiled-${last.id}`,
    date: latestDate,
    tag: ['compiled'],
    ...mergeReleases(releases),
  };
  compiledRelease['ocid'] = ocid;
  return {
    ...packageMetadata(options, recordPackageUri(options.baseUri, tenderId)),
    packages: [releasesUri],
    records: [{ ocid, releases: linked, compiledRelease }],
  };
};
