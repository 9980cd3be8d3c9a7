// Reads the events out of the code with the TypeScript compiler API: the `*_EVENT_TYPES` arrays of the
// domain libraries and the `*_INTEGRATION_EVENT_TYPES` arrays of the contracts libraries, the data shape
// of every event they list, the stream each context writes them to, and which domain event each
// integration event is translated from (the switch in each domain library's `to...IntegrationEvents`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export type EventKind = 'domain' | 'integration';

export interface EventField {
  /** `lots[].lotId` for a field of the elements of a list. */
  readonly path: string;
  readonly type: string;
  readonly description: string;
}

export interface CatalogueEvent {
  readonly type: string;
  readonly kind: EventKind;
  readonly context: string;
  /** `libs/tender/domain` */
  readonly library: string;
  /** The exported array that lists it, e.g. `TENDER_EVENT_TYPES`. */
  readonly typesExport: string;
  /** The stream name with its parameter shown as a placeholder, e.g. `tender-<tenderId>`. */
  readonly stream: string;
  readonly streamFunction: string;
  readonly fields: readonly EventField[];
}

export interface Translation {
  readonly context: string;
  readonly from: string;
  readonly to: string;
}

export interface EventModel {
  readonly events: readonly CatalogueEvent[];
  /** Domain event -> integration event, as each domain library's `to...IntegrationEvents` functions map them. */
  readonly translations: readonly Translation[];
  /** Exported constants of the contracts libraries whose value is an integration event type (`LOT_AWARDED_V1`). */
  readonly integrationConstants: ReadonlyMap<string, string>;
}

export interface ExtractionOptions {
  /** Contexts in the order the catalogue presents them; a context found in libs/ but not listed is an error. */
  readonly contexts: readonly string[];
  /**
   * Exceptions to the naming convention for the function that names each events array's stream
   * (`TENDER_EVENT_TYPES` -> `tenderStreamName`, `TENDER_INTEGRATION_EVENT_TYPES` -> `tenderIntegrationStreamName`).
   */
  readonly streamFunctions: Readonly<Record<string, string>>;
}

/** A problem a person must fix in the code or in the catalogue's table; the message says which and where. */
export class CatalogueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueError';
  }
}

/** `TENDER_EVENT_TYPES` -> `tenderStreamName`, `TENDER_INTEGRATION_EVENT_TYPES` -> `tenderIntegrationStreamName`. */
const conventionalStreamFunction = (typesExport: string): string =>
  `${typesExport
    .replace(/_EVENT_TYPES$/, '')
    .toLowerCase()
    .replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase())}StreamName`;

/** How integration event types are spelled: `<context>.<event>.v<version>`. */
const INTEGRATION_TYPE_SPELLING = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[0-9]+$/;

/** The domain libraries' translations to the published language: `toIntegrationEvents`, `toProviderIntegrationEvents`... */
const TRANSLATOR_EXPORT = /^to[A-Za-z]*IntegrationEvents$/;

const DOMAIN_TYPES_EXPORT = /^[A-Z][A-Z0-9_]*_EVENT_TYPES$/;
const INTEGRATION_TYPES_EXPORT = /^[A-Z][A-Z0-9_]*_INTEGRATION_EVENT_TYPES$/;

interface Library {
  readonly context: string;
  readonly kind: EventKind;
  readonly dir: string;
  readonly index: string;
}

const discoverLibraries = (root: string, contexts: readonly string[]): Library[] => {
  const found = fs
    .readdirSync(path.join(root, 'libs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
    .map((entry) => entry.name);
  const unlisted = found.filter((context) => !contexts.includes(context));
  if (unlisted.length > 0) {
    throw new CatalogueError(
      `libs/ has bounded contexts the catalogue does not know: ${unlisted.join(', ')}. Add them to CONTEXTS in tools/docs/event-catalogue.table.ts.`,
    );
  }
  return contexts.flatMap((context) =>
    (['domain', 'contracts'] as const).flatMap((layer): Library[] => {
      const dir = `libs/${context}/${layer}`;
      const index = path.join(root, dir, 'src', 'index.ts');
      return fs.existsSync(index) ? [{ context, kind: layer === 'domain' ? 'domain' : 'integration', dir, index }] : [];
    }),
  );
};

const createProgram = (root: string, files: readonly string[]): ts.Program => {
  const configPath = path.join(root, 'tsconfig.base.json');
  const config = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (config.error) throw new CatalogueError(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const compilerOptions = (config.config as { compilerOptions?: unknown }).compilerOptions ?? {};
  const { options, errors } = ts.convertCompilerOptionsFromJson(compilerOptions, root, configPath);
  if (errors.length > 0) throw new CatalogueError(errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')).join('\n'));
  // Only declarations are read: no emit, and no @types packages (the event shapes never use them).
  return ts.createProgram(files, { ...options, noEmit: true, types: [], lib: ['lib.es5.d.ts'], skipLibCheck: true });
};

const stringLiteralValue = (type: ts.Type): string | null => (type.isStringLiteral() ? type.value : null);

class Extractor {
  private readonly checker: ts.TypeChecker;

  constructor(
    private readonly root: string,
    private readonly program: ts.Program,
  ) {
    this.checker = program.getTypeChecker();
  }

  exportsOf(library: Library): Map<string, ts.Symbol> {
    const source = this.program.getSourceFile(library.index);
    const moduleSymbol = source && this.checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new CatalogueError(`Cannot read the exports of ${library.dir}/src/index.ts`);
    return new Map(
      this.checker.getExportsOfModule(moduleSymbol).map((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
        return [symbol.name, target];
      }),
    );
  }

  private where(node: ts.Node): string {
    const source = node.getSourceFile();
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    return `${path.relative(this.root, source.fileName)}:${line + 1}`;
  }

  private variable(symbol: ts.Symbol, what: string): ts.VariableDeclaration {
    const declaration = symbol.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration)) throw new CatalogueError(`${what} is not a const declaration`);
    return declaration;
  }

  /** The events an array such as `readonly TenderEvent['type'][] = [...]` lists, in its order, with their data types. */
  eventsOfArray(symbol: ts.Symbol, name: string): { type: string; data: ts.Type }[] {
    const declaration = this.variable(symbol, name);
    let node = declaration.type;
    if (node && ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) node = node.type;
    let element = node && ts.isArrayTypeNode(node) ? node.elementType : undefined;
    if (element && ts.isParenthesizedTypeNode(element)) element = element.type;
    if (!element || !ts.isIndexedAccessTypeNode(element)) {
      throw new CatalogueError(`${name} (${this.where(declaration)}) must be typed as \`readonly SomeEvent['type'][]\` so its events' shapes can be read`);
    }
    const union = this.checker.getTypeFromTypeNode(element.objectType);
    const members = new Map<string, ts.Type>();
    for (const member of union.isUnion() ? union.types : [union]) {
      const typeProperty = member.getProperty('type');
      const dataProperty = member.getProperty('data');
      const type = typeProperty && stringLiteralValue(this.checker.getTypeOfSymbol(typeProperty));
      if (!type || !dataProperty) throw new CatalogueError(`${name} (${this.where(declaration)}): an event in its union has no literal \`type\` or no \`data\``);
      members.set(type, this.checker.getTypeOfSymbol(dataProperty));
    }
    const initializer = declaration.initializer;
    if (!initializer || !ts.isArrayLiteralExpression(initializer)) throw new CatalogueError(`${name} (${this.where(declaration)}) must be an array literal`);
    const listed = initializer.elements.map((element) => {
      const value = stringLiteralValue(this.checker.getTypeAtLocation(element));
      if (value === null) throw new CatalogueError(`${name} (${this.where(element)}): every element must be a string constant`);
      return value;
    });
    const missing = [...members.keys()].filter((type) => !listed.includes(type));
    if (missing.length > 0) throw new CatalogueError(`${name} (${this.where(declaration)}) does not list ${missing.join(', ')}, which its union declares`);
    return listed.map((type) => {
      const data = members.get(type);
      if (!data) throw new CatalogueError(`${name} lists ${type}, which its union does not declare`);
      return { type, data };
    });
  }

  /** `tenderStreamName` -> `tender-<tenderId>`: the template evaluated with the parameter left as a placeholder. */
  streamPattern(symbol: ts.Symbol, name: string): string {
    const declaration = symbol.valueDeclaration;
    const fn =
      declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isArrowFunction(declaration.initializer)
        ? declaration.initializer
        : declaration && ts.isFunctionDeclaration(declaration)
          ? declaration
          : undefined;
    const parameter = fn?.parameters[0];
    if (!fn || !parameter || !ts.isIdentifier(parameter.name)) throw new CatalogueError(`${name} is not a function of one named parameter`);
    let body: ts.Node | undefined = fn.body;
    if (body && ts.isBlock(body)) {
      const [statement] = body.statements;
      body = body.statements.length === 1 && statement && ts.isReturnStatement(statement) ? statement.expression : undefined;
    }
    while (body && ts.isParenthesizedExpression(body)) body = body.expression;
    const parameterName = parameter.name.text;
    const placeholder = `<${parameterName}>`;
    const part = (expression: ts.Expression): string => {
      if (ts.isIdentifier(expression) && expression.text === parameterName) return placeholder;
      const value = stringLiteralValue(this.checker.getTypeAtLocation(expression));
      if (value === null) throw new CatalogueError(`${name} (${this.where(expression)}): cannot evaluate \`${expression.getText()}\` to a constant`);
      return value;
    };
    if (body && ts.isTemplateExpression(body)) {
      return body.head.text + body.templateSpans.map((span) => part(span.expression) + span.literal.text).join('');
    }
    if (body && ts.isBinaryExpression(body) && body.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return part(body.left) + part(body.right);
    }
    throw new CatalogueError(`${name} must return a template string such as \`\${PREFIX}\${id}\` for the catalogue to render its stream name`);
  }

  /** Reads `switch (event.type)` in a domain library's `to...IntegrationEvents`: which integration types each case produces. */
  translations(symbol: ts.Symbol, name: string, integrationTypes: ReadonlySet<string>): Map<string, string[]> {
    const declaration = symbol.valueDeclaration;
    const fn =
      declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isArrowFunction(declaration.initializer)
        ? declaration.initializer
        : declaration && ts.isFunctionDeclaration(declaration)
          ? declaration
          : undefined;
    const result = new Map<string, string[]>();
    const switches: ts.SwitchStatement[] = [];
    const findSwitches = (node: ts.Node): void => {
      if (ts.isSwitchStatement(node)) switches.push(node);
      else ts.forEachChild(node, findSwitches);
    };
    if (fn?.body) findSwitches(fn.body);
    if (switches.length !== 1 || !switches[0]) throw new CatalogueError(`${name} must be one switch over the domain event type`);
    let pending: string[] = [];
    for (const clause of switches[0].caseBlock.clauses) {
      if (ts.isDefaultClause(clause)) {
        pending = [];
        continue;
      }
      const label = stringLiteralValue(this.checker.getTypeAtLocation(clause.expression));
      if (label === null) throw new CatalogueError(`${name} (${this.where(clause)}): a case label is not a string constant`);
      pending.push(label);
      if (clause.statements.length === 0) continue; // falls through to the next clause
      const produced: string[] = [];
      const collect = (node: ts.Node): void => {
        if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && integrationTypes.has(node.text)) {
          if (!produced.includes(node.text)) produced.push(node.text);
        }
        ts.forEachChild(node, collect);
      };
      clause.statements.forEach(collect);
      for (const from of pending) result.set(from, produced);
      pending = [];
    }
    return result;
  }

  /**
   * One row per field, nested object fields flattened (`lots[].lotId`), in declaration order. A union of
   * object shapes (variants) lists every field of every variant, marking those only some variants have.
   */
  fields(data: ts.Type, prefix = '', depth = 0): EventField[] {
    const variants = this.withoutNullish(data);
    const names: string[] = [];
    for (const variant of variants) {
      for (const property of this.checker.getPropertiesOfType(variant)) if (!names.includes(property.name)) names.push(property.name);
    }
    return names.flatMap((name): EventField[] => {
      const properties = variants.map((variant) => variant.getProperty(name)).filter((p): p is ts.Symbol => p !== undefined);
      const [first] = properties;
      if (!first) return [];
      const optional = properties.some((property) => (property.flags & ts.SymbolFlags.Optional) !== 0);
      const types = properties.map((property) => this.checker.getTypeOfSymbol(property));
      const fieldPath = `${prefix}${name}${optional ? '?' : ''}`;
      const documented = properties
        .map((property) => ts.displayPartsToString(property.getDocumentationComment(this.checker)).replace(/\s+/g, ' ').trim())
        .find((text) => text !== '');
      const notes = [documented ?? '', properties.length < variants.length ? '(only in some variants)' : ''].filter((text) => text !== '');
      const row: EventField = { path: fieldPath, type: [...new Set(types.map((type) => this.render(type)))].join(' | '), description: notes.join(' ') };
      const [type] = types;
      const nested = types.length === 1 && type ? this.nestedObject(type) : null;
      if (!nested || depth >= 3) return [row];
      return [row, ...this.fields(nested.type, `${fieldPath}${nested.list ? '[]' : ''}.`, depth + 1)];
    });
  }

  private withoutNullish(type: ts.Type): ts.Type[] {
    const members = type.isUnion() ? type.types : [type];
    return members.filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  }

  private isPlainObject(type: ts.Type): boolean {
    return (type.flags & ts.TypeFlags.Object) !== 0 && !this.checker.isArrayType(type) && this.checker.getPropertiesOfType(type).length > 0;
  }

  /** The object shape (or union of object variants) a field holds, directly or as the elements of a list. */
  private nestedObject(type: ts.Type): { type: ts.Type; list: boolean } | null {
    const members = this.withoutNullish(type);
    const [only] = members;
    if (only && members.length === 1 && this.checker.isArrayType(only)) {
      const [element] = this.checker.getTypeArguments(only as ts.TypeReference);
      return element && this.withoutNullish(element).every((member) => this.isPlainObject(member)) ? { type: element, list: true } : null;
    }
    return members.length > 0 && members.every((member) => this.isPlainObject(member)) ? { type, list: false } : null;
  }

  /** `string`, `number`, `boolean`, `'a' | 'b'`, `Lot[]`, `string | null`: how a reader of the catalogue needs it. */
  render(type: ts.Type): string {
    const members = type.isUnion() ? type.types : [type];
    const literalOrNullish = (member: ts.Type) =>
      (member.flags & (ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral | ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0;
    // A named union of shapes (variants) reads best by its name; a union of literals by its values.
    if (type.isUnion() && type.aliasSymbol && !members.every(literalOrNullish)) return type.aliasSymbol.name;
    const parts: string[] = [];
    for (const member of members) {
      let part: string;
      if (member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) continue;
      if (member.flags & ts.TypeFlags.BooleanLiteral) part = 'boolean';
      else if (member.isStringLiteral()) part = `'${member.value}'`;
      else if (this.checker.isArrayType(member)) {
        const [element] = this.checker.getTypeArguments(member as ts.TypeReference);
        const inner = element ? this.render(element) : 'unknown';
        part = inner.includes(' ') ? `(${inner})[]` : `${inner}[]`;
      } else if (member.flags & ts.TypeFlags.Object) {
        const name = (member.aliasSymbol ?? member.getSymbol())?.name;
        part = name && !name.startsWith('__') ? name : 'object';
      } else part = this.checker.typeToString(member);
      if (!parts.includes(part)) parts.push(part);
    }
    if (members.some((member) => member.flags & ts.TypeFlags.Null)) parts.push('null');
    return parts.join(' | ');
  }
}

/** Everything the catalogue says about events, read from the domain and contracts libraries. */
export const extractEventModel = (root: string, options: ExtractionOptions): EventModel => {
  const libraries = discoverLibraries(root, options.contexts);
  const extractor = new Extractor(root, createProgram(root, libraries.map((library) => library.index)));
  const events: CatalogueEvent[] = [];
  const integrationConstants = new Map<string, string>();
  const translators: { context: string; name: string; symbol: ts.Symbol }[] = [];
  const usedStreamEntries = new Set<string>();

  for (const library of libraries) {
    const exports = extractor.exportsOf(library);
    const pattern = library.kind === 'integration' ? INTEGRATION_TYPES_EXPORT : DOMAIN_TYPES_EXPORT;
    const arrays = [...exports.keys()].filter((name) => pattern.test(name)).sort();
    if (arrays.length === 0) throw new CatalogueError(`${library.dir} exports no ${library.kind === 'integration' ? '*_INTEGRATION_EVENT_TYPES' : '*_EVENT_TYPES'} array`);
    for (const typesExport of arrays) {
      const override = options.streamFunctions[typesExport];
      const streamFunction = override ?? conventionalStreamFunction(typesExport);
      const streamSymbol = exports.get(streamFunction);
      if (!streamSymbol) {
        throw new CatalogueError(
          override
            ? `STREAM_FUNCTIONS names ${streamFunction} for ${typesExport}, but ${library.dir} does not export it`
            : `${library.dir} exports ${typesExport} but no ${streamFunction} naming its stream: export one, or add the function's name to STREAM_FUNCTIONS in tools/docs/event-catalogue.table.ts`,
        );
      }
      if (override) usedStreamEntries.add(typesExport);
      const stream = extractor.streamPattern(streamSymbol, streamFunction);
      for (const { type, data } of extractor.eventsOfArray(exports.get(typesExport) as ts.Symbol, typesExport)) {
        if (events.some((event) => event.type === type)) throw new CatalogueError(`Event type ${type} is declared twice (again in ${typesExport})`);
        events.push({ type, kind: library.kind, context: library.context, library: library.dir, typesExport, stream, streamFunction, fields: extractor.fields(data) });
      }
    }
    if (library.kind === 'domain') {
      for (const [name, symbol] of exports) {
        if (TRANSLATOR_EXPORT.test(name)) translators.push({ context: library.context, name, symbol });
      }
    }
  }

  const integrationTypes = new Set(events.filter((event) => event.kind === 'integration').map((event) => event.type));
  for (const library of libraries.filter((l) => l.kind === 'integration')) {
    for (const [name, symbol] of extractor.exportsOf(library)) {
      const declaration = symbol.valueDeclaration;
      if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) continue;
      const value = ts.isStringLiteral(declaration.initializer) ? declaration.initializer.text : null;
      if (value !== null && integrationTypes.has(value)) integrationConstants.set(name, value);
      else if (value !== null && INTEGRATION_TYPE_SPELLING.test(value)) {
        throw new CatalogueError(
          `${library.dir} exports ${name} = '${value}', which no *_INTEGRATION_EVENT_TYPES array lists: add it to its context's array (and union) so consumers and the catalogue see it`,
        );
      }
    }
  }

  const stale = Object.keys(options.streamFunctions).filter((name) => !usedStreamEntries.has(name));
  if (stale.length > 0) throw new CatalogueError(`STREAM_FUNCTIONS lists ${stale.join(', ')}, which no domain or contracts library exports`);

  const translations: Translation[] = [];
  for (const { context, name, symbol } of translators) {
    for (const [from, produced] of extractor.translations(symbol, name, integrationTypes)) {
      const source = events.find((event) => event.type === from);
      if (!source || source.context !== context || source.kind !== 'domain') {
        throw new CatalogueError(`${name} of libs/${context}/domain has a case for ${from}, which is not one of its domain events`);
      }
      for (const to of produced) translations.push({ context, from, to });
    }
  }
  return { events, translations, integrationConstants };
};
