// Generates docs/event-catalogue.md and the marked sections of docs/context-map.md from the code, or
// checks that the committed files are current.
//   node -r @swc-node/register tools/docs/event-catalogue.ts          writes them
//   node -r @swc-node/register tools/docs/event-catalogue.ts --check  exits 1 with a diff when one is stale
//   --root <dir> works on another copy of the workspace (the test uses one to show what a stale file looks like)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderCatalogue, renderContextMapSections, REGENERATE_COMMAND } from './catalogue-markdown';
import { type CatalogueTable, verifyCatalogueTable } from './catalogue-verification';
import { CatalogueError, type EventModel, extractEventModel } from './event-declarations';
import { readFederatedEntities, readRootFields } from './graphql-operations';
import { CONTEXTS, INTEGRATION_PUBLISHERS, REACTIONS, STREAM_FUNCTIONS } from './event-catalogue.table';
import { lineDiff } from './text-diff';

export { CatalogueError, REGENERATE_COMMAND };
export type { CatalogueTable, EventModel };

export const CATALOGUE_PATH = 'docs/event-catalogue.md';
export const CONTEXT_MAP_PATH = 'docs/context-map.md';
export const WORKSPACE_ROOT = path.resolve(__dirname, '../..');
export const CATALOGUE_TABLE: CatalogueTable = { publishers: INTEGRATION_PUBLISHERS, reactions: REACTIONS };

/** The expensive part (a TypeScript program over the domain and contracts libraries, about a second). */
export const readEventModel = (root = WORKSPACE_ROOT): EventModel =>
  extractEventModel(root, { contexts: CONTEXTS, streamFunctions: STREAM_FUNCTIONS });

/** The catalogue's text; throws CatalogueError when the table does not match the code. */
export const generateEventCatalogue = (root = WORKSPACE_ROOT, model = readEventModel(root), table = CATALOGUE_TABLE): string => {
  verifyCatalogueTable(root, model, table);
  return renderCatalogue(model, table, CONTEXTS);
};

const sectionMarkers = (name: string) => [`<!-- BEGIN generated: ${name} -->`, `<!-- END generated: ${name} -->`] as const;

/** `text` with each `<!-- BEGIN generated: name -->` ... `<!-- END generated: name -->` block replaced. */
export const fillGeneratedSections = (text: string, sections: Readonly<Record<string, string>>, file: string): string =>
  Object.entries(sections).reduce((current, [name, content]) => {
    const [begin, end] = sectionMarkers(name);
    const from = current.indexOf(begin);
    const to = current.indexOf(end);
    if (from < 0 || to < from) throw new CatalogueError(`${file} has no "${begin}" ... "${end}" block for the generated ${name} table`);
    return `${current.slice(0, from + begin.length)}\n${content}\n${current.slice(to)}`;
  }, text);

export interface GeneratedDocument {
  readonly file: string;
  readonly text: string;
}

/** Every generated document as it should be committed. */
export const generateDocuments = (root = WORKSPACE_ROOT, model = readEventModel(root), table = CATALOGUE_TABLE): GeneratedDocument[] => {
  const catalogue = generateEventCatalogue(root, model, table);
  const mapFile = path.join(root, CONTEXT_MAP_PATH);
  if (!fs.existsSync(mapFile)) throw new CatalogueError(`${CONTEXT_MAP_PATH} does not exist`);
  const subgraphs = Object.fromEntries(
    CONTEXTS.map((context) => [context, { rootFields: readRootFields(root, context), federatedEntities: readFederatedEntities(root, context) }]),
  );
  const sections = renderContextMapSections(model, table, CONTEXTS, subgraphs);
  const contextMap = fillGeneratedSections(fs.readFileSync(mapFile, 'utf8'), sections, CONTEXT_MAP_PATH);
  return [
    { file: CATALOGUE_PATH, text: catalogue },
    { file: CONTEXT_MAP_PATH, text: contextMap },
  ];
};

export interface DocumentCheck {
  readonly file: string;
  readonly upToDate: boolean;
  /** Unified-style diff from the committed file to the generated one; empty when up to date. */
  readonly diff: string;
}

export const compareWithCommitted = (generated: GeneratedDocument, root = WORKSPACE_ROOT): DocumentCheck => {
  const absolute = path.join(root, generated.file);
  const committed = fs.existsSync(absolute) ? fs.readFileSync(absolute, 'utf8') : '';
  const diff = lineDiff(committed, generated.text, { before: `${generated.file} (committed)`, after: `${generated.file} (generated from the code)` });
  return { file: generated.file, upToDate: diff === '', diff };
};

const USAGE = `Usage: ${REGENERATE_COMMAND} [--check] [--root <workspace>]`;

const main = (args: readonly string[]): number => {
  let check = false;
  let root = WORKSPACE_ROOT;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--check') check = true;
    else if (arg === '--root' && args[i + 1]) root = path.resolve(args[++i] as string);
    else {
      console.error(`Unknown argument ${String(arg)}.\n${USAGE}`);
      return 2;
    }
  }
  try {
    const documents = generateDocuments(root);
    if (check) {
      const stale = documents.map((document) => compareWithCommitted(document, root)).filter((result) => !result.upToDate);
      if (stale.length === 0) {
        console.log(`${documents.map((d) => d.file).join(' and ')} are up to date.`);
        return 0;
      }
      console.error(`${stale.map((s) => s.file).join(' and ')} ${stale.length === 1 ? 'is' : 'are'} stale. Regenerate with: ${REGENERATE_COMMAND}\n`);
      for (const result of stale) console.error(`${result.diff}\n`);
      return 1;
    }
    for (const document of documents) {
      fs.writeFileSync(path.join(root, document.file), document.text);
      console.log(`Wrote ${document.file}.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof CatalogueError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
};

if (require.main === module) process.exitCode = main(process.argv.slice(2));
