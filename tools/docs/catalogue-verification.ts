// Keeps the hand-kept table honest in both directions: every entry must match the code it names, and every
// piece of code that consumes an integration event must appear in the table.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { CatalogueError, type EventModel } from './event-declarations';
import type { Handler, IntegrationPublisher, ReactionEntry, SourceEvidence } from './event-catalogue.table';

export interface CatalogueTable {
  readonly publishers: readonly IntegrationPublisher[];
  readonly reactions: readonly ReactionEntry[];
}

const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.ts$/;

/** The string literals and identifiers of a file's code: comments and prose do not count as using an event. */
interface CodeTokens {
  readonly strings: ReadonlySet<string>;
  readonly identifiers: ReadonlySet<string>;
}

const codeTokens = (file: string, source: string): CodeTokens => {
  const strings = new Set<string>();
  const identifiers = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.add(node.text);
    else if (ts.isIdentifier(node)) identifiers.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return { strings, identifiers };
};

class SourceFiles {
  private readonly cache = new Map<string, string | null>();
  private readonly tokenCache = new Map<string, CodeTokens>();
  constructor(private readonly root: string) {}

  tokens(file: string): CodeTokens | null {
    const source = this.read(file);
    if (source === null) return null;
    let tokens = this.tokenCache.get(file);
    if (!tokens) {
      tokens = codeTokens(file, source);
      this.tokenCache.set(file, tokens);
    }
    return tokens;
  }

  read(file: string): string | null {
    if (!this.cache.has(file)) {
      const absolute = path.join(this.root, file);
      this.cache.set(file, fs.existsSync(absolute) ? fs.readFileSync(absolute, 'utf8') : null);
    }
    return this.cache.get(file) ?? null;
  }

  /** Production TypeScript under libs/ and apps/ (no tests, no test fixtures), as workspace-relative paths. */
  productionFiles(): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(this.root, dir), { withFileTypes: true })) {
        const relative = `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && entry.name !== 'testing') walk(relative);
        } else if (entry.name.endsWith('.ts') && !TEST_FILE.test(entry.name)) {
          found.push(relative);
        }
      }
    };
    walk('libs');
    walk('apps');
    return found.sort();
  }
}

const checkEvidence = (files: SourceFiles, evidence: SourceEvidence, what: string, problems: string[]) => {
  const source = files.read(evidence.file);
  if (source === null) {
    problems.push(`${what}: ${evidence.file} does not exist`);
    return;
  }
  for (const token of evidence.tokens) {
    if (!source.includes(token)) problems.push(`${what}: ${evidence.file} no longer mentions ${token}`);
  }
};

/** Every way code can name an event type: its quoted value, or a contracts constant holding it. */
const namesOf = (model: EventModel, type: string): string[] =>
  [...model.integrationConstants].filter(([, value]) => value === type).map(([name]) => name);

const mentionsEvent = (tokens: CodeTokens, model: EventModel, type: string) =>
  tokens.strings.has(type) || namesOf(model, type).some((name) => tokens.identifiers.has(name));

/**
 * Throws a CatalogueError listing every problem: table entries that do not match their source files, and
 * production code that consumes an integration event without a table entry saying so.
 */
export const verifyCatalogueTable = (root: string, model: EventModel, table: CatalogueTable): void => {
  const files = new SourceFiles(root);
  const problems: string[] = [];
  const eventByType = new Map(model.events.map((event) => [event.type, event]));

  for (const publisher of table.publishers) {
    const what = `Integration publisher ${publisher.name}`;
    checkEvidence(files, publisher.wiring, what, problems);
    const published = model.events.find((event) => event.kind === 'integration' && event.typesExport === publisher.publishes);
    if (!published) problems.push(`${what}: no contracts library exports ${publisher.publishes}`);
    else if (published.context !== publisher.context) problems.push(`${what}: ${publisher.publishes} belongs to ${published.context}, not ${publisher.context}`);
    // The translator must address the streams of the array it publishes.
    const streamFunction = publisher.streamFunction ?? published?.streamFunction;
    checkEvidence(files, { ...publisher.translator, tokens: [...publisher.translator.tokens, ...(streamFunction ? [streamFunction] : [])] }, what, problems);
  }
  const translatedArrays = new Set(
    model.translations.map((t) => model.events.find((event) => event.type === t.to)?.typesExport).filter((name): name is string => name !== undefined),
  );
  for (const typesExport of translatedArrays) {
    if (!table.publishers.some((publisher) => publisher.publishes === typesExport)) {
      problems.push(`Domain events are translated to ${typesExport}, but INTEGRATION_PUBLISHERS names no publisher for it`);
    }
  }

  const handlers = new Set<Handler>(table.reactions.map((reaction) => reaction.handler));
  for (const handler of handlers) {
    for (const extra of handler.alsoIn ?? []) {
      if (files.read(extra) === null) problems.push(`Handler ${handler.name}: ${extra} does not exist`);
    }
    const tokens = files.tokens(handler.file);
    if (tokens === null) problems.push(`Handler ${handler.name}: ${handler.file} does not exist`);
    else if (!tokens.strings.has(handler.name)) problems.push(`Handler ${handler.name}: ${handler.file} does not name it '${handler.name}'`);
    checkEvidence(files, handler.wiring, `Handler ${handler.name}`, problems);
  }

  const filesOf = (handler: Handler) => [handler.file, ...(handler.alsoIn ?? [])];
  for (const reaction of table.reactions) {
    const event = eventByType.get(reaction.on);
    const what = `Reaction of ${reaction.handler.name} to ${reaction.on}`;
    if (!event) {
      problems.push(`${what}: no domain or contracts library declares an event ${reaction.on}`);
      continue;
    }
    if (event.kind === 'domain' && event.context !== reaction.handler.context) {
      problems.push(`${what}: ${reaction.on} is a domain event of ${event.context}; another context may consume only integration events`);
    }
    const handlerFiles = filesOf(reaction.handler);
    const tokens = handlerFiles.map((file) => files.tokens(file));
    if (tokens.every((t) => t !== null) && !tokens.some((t) => t !== null && mentionsEvent(t, model, reaction.on))) {
      const names = [`'${reaction.on}'`, ...namesOf(model, reaction.on)].join(' or ');
      problems.push(`${what}: ${handlerFiles.join(' or ')} does not mention ${names}`);
    }
  }

  // The other direction: production code outside the producing libraries that names an event (its quoted
  // type, or a contracts constant) handles it, so the table must list that file for that event.
  const translatorFiles = new Set(table.publishers.map((publisher) => publisher.translator.file));
  const spellings = model.events.flatMap((event) => [event.type, ...namesOf(model, event.type)]);
  for (const file of files.productionFiles()) {
    if (translatorFiles.has(file)) continue;
    // Parse only files whose text could name an event at all.
    const text = files.read(file) ?? '';
    if (!spellings.some((spelling) => text.includes(spelling))) continue;
    const tokens = files.tokens(file);
    if (tokens === null) continue;
    for (const event of model.events) {
      const producer = [`libs/${event.context}/domain/`, `libs/${event.context}/contracts/`];
      if (producer.some((prefix) => file.startsWith(prefix)) || !mentionsEvent(tokens, model, event.type)) continue;
      if (!table.reactions.some((reaction) => reaction.on === event.type && filesOf(reaction.handler).includes(file))) {
        problems.push(`${file} handles ${event.type}, but the reaction table does not list it: add an entry to REACTIONS`);
      }
    }
  }

  if (problems.length > 0) {
    throw new CatalogueError(
      `The event catalogue's table (tools/docs/event-catalogue.table.ts) does not match the code:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
};
