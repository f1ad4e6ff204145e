/**
 * The benchmark's workload (scripts/lib/bench/workload.ts) reads its operations from where they
 * live: the dashboard's `graphql(`...`)` calls in web/dashboard/api.ts and docs/queries/*.graphql.
 * It finds every one of them (counted here by a parse of those files of their own: TypeScript's
 * parser for api.ts, graphql-js for the queries), and every operation of the mix, with the variables
 * the bench sends, is valid against the committed supergraph's API schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getVariableValues, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { apiSchemaOf } from '../scripts/lib/schema-check';
import { SUPERGRAPH_FILE } from '../scripts/lib/supergraph';
import { BODIES_PAGE, dashboardOperations, docOperations, SEARCH_PAGE, workload } from '../scripts/lib/bench/workload';

const root = join(__dirname, '..');
const api = apiSchemaOf(readFileSync(join(root, SUPERGRAPH_FILE), 'utf8'));

/** The text of every `graphql(`...`)` call in the dashboard's api.ts, by the TypeScript parser. */
function graphqlCalls(): string[] {
  const file = join(root, 'web', 'dashboard', 'api.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'graphql') {
      const [arg] = node.arguments;
      out.push(arg && ts.isNoSubstitutionTemplateLiteral(arg) ? arg.text : `(not a plain template) ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Every operation definition in docs/queries/*.graphql, by graphql-js. */
function docDefinitions(): OperationDefinitionNode[] {
  const dir = join(root, 'docs', 'queries');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((f) => parse(readFileSync(join(dir, f), 'utf8')).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION));
}

describe('bench workload', () => {
  it('finds every graphql(`...`) operation of the dashboard, with its text', () => {
    const calls = graphqlCalls();
    expect(calls.length).toBeGreaterThan(0);
    expect(Object.values(dashboardOperations()).sort()).toEqual(calls.map((c) => c.trim()).sort());
  });

  it('finds every operation of docs/queries', () => {
    const definitions = docDefinitions();
    expect(definitions.length).toBeGreaterThan(0);
    expect(docOperations().length).toBe(definitions.length);
    expect(docOperations().map((o) => parse(o.query).definitions.length)).toEqual(docOperations().map(() => 1));
  });

  it('the mix has the docs operations, the dashboard operations it names, and the pages, each once by name', () => {
    const mix = workload();
    expect(new Set(mix.map((o) => o.name)).size).toBe(mix.length);
    expect(mix.filter((o) => o.name.startsWith('docs/')).map((o) => o.query)).toEqual(docOperations().map((o) => o.query));
    const dashboard = new Set(Object.values(dashboardOperations()));
    for (const op of mix.filter((o) => o.name.startsWith('dashboard/'))) expect(dashboard.has(op.query)).toBe(true);
    // A page 2 follows its page 1, the same operation earlier in the mix.
    const seconds = mix.filter((o) => o.afterOf);
    expect(seconds.map((o) => o.query).filter((q) => q !== BODIES_PAGE && q !== SEARCH_PAGE)).toEqual([]);
    for (const op of seconds) {
      const first = mix.findIndex((o) => o.name === op.afterOf);
      expect([first === -1, first < mix.indexOf(op), mix[first]?.query]).toEqual([false, true, op.query]);
    }
  });

  it.each(workload().map((op) => [op.name, op] as const))('%s is valid against the supergraph, with the variables the bench sends', (_name, op) => {
    const document = parse(op.query);
    expect(validate(api, document).map((e) => e.message)).toEqual([]);
    const [operation] = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const variables = op.afterOf ? { ...op.variables, after: 'a cursor' } : (op.variables ?? {});
    const coerced = getVariableValues(api, operation!.variableDefinitions ?? [], variables);
    expect(coerced.errors?.map((e) => e.message) ?? []).toEqual([]);
  });
});
