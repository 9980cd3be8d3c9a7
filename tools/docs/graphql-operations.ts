// The root fields each context's subgraph serves, read from its resolvers' decorators (`@Query`,
// `@Mutation`, `@Roles`) with the TypeScript parser: no type checking, no NestJS loaded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export interface RootField {
  readonly kind: 'query' | 'mutation';
  readonly name: string;
  /** Roles from `@Roles(...)`; empty when any signed-in user may call it. */
  readonly roles: readonly string[];
  readonly file: string;
}

const tsFiles = (root: string, dir: string): string[] => {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs.readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsFiles(root, relative);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) ? [relative] : [];
  });
};

const decoratorCall = (decorator: ts.Decorator): { name: string; args: readonly ts.Expression[] } | null => {
  const expression = decorator.expression;
  if (!ts.isCallExpression(expression) || !ts.isIdentifier(expression.expression)) return null;
  return { name: expression.expression.text, args: expression.arguments };
};

const explicitName = (args: readonly ts.Expression[]): string | null => {
  for (const arg of args) {
    if (!ts.isObjectLiteralExpression(arg)) continue;
    for (const property of arg.properties) {
      if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'name' && ts.isStringLiteral(property.initializer)) {
        return property.initializer.text;
      }
    }
  }
  return null;
};

/** GraphQL object types a context's subgraph declares as federated entities (`@Directive('@key(...)')`). */
export const readFederatedEntities = (root: string, context: string): string[] =>
  tsFiles(root, `libs/${context}/graphql/src`).flatMap((file) => {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    return source.statements.filter(ts.isClassDeclaration).flatMap((declaration) => {
      const calls = (ts.getDecorators(declaration) ?? []).map(decoratorCall).filter((call) => call !== null);
      const isEntity = calls.some((call) => call.name === 'Directive' && call.args.some((arg) => ts.isStringLiteral(arg) && arg.text.startsWith('@key')));
      return isEntity && declaration.name ? [declaration.name.text] : [];
    });
  });

/** Root fields declared by the resolvers under `libs/<context>/graphql/src`, in source order. */
export const readRootFields = (root: string, context: string): RootField[] =>
  tsFiles(root, `libs/${context}/graphql/src`).flatMap((file) => {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const fields: RootField[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isMethodDeclaration(node) && ts.isIdentifier(node.name)) {
        const calls = (ts.getDecorators(node) ?? []).map(decoratorCall).filter((call) => call !== null);
        const operation = calls.find((call) => call.name === 'Query' || call.name === 'Mutation');
        if (operation) {
          const roles = calls
            .filter((call) => call.name === 'Roles')
            .flatMap((call) => call.args.filter(ts.isStringLiteral).map((arg) => arg.text));
          fields.push({
            kind: operation.name === 'Query' ? 'query' : 'mutation',
            name: explicitName(operation.args) ?? node.name.text,
            roles,
            file,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return fields;
  });
