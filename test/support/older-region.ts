/**
 * A region subgraph on an older shared contract, for tests: the region's committed SDL without the
 * named fields (as it was before they were added), serving the region's real data files. Real HTTP,
 * real Apollo subgraph; only the contract is older.
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { parse, visit, type FieldDefinitionNode } from 'graphql';
import { loadRegionData } from '../../contract/src/data/load';
import { REGIONS } from '../../contract/src/registry';

/**
 * `removed`: "Type.field" entries the older contract does not have yet; "Type.field(argument)" removes
 * an argument of a field (the paging arguments `first` and `afterId` of the region's lists, say).
 */
export async function startOlderRegion(code: string, port: number, removed: string[]): Promise<{ stop: () => Promise<void> }> {
  const entry = REGIONS.find((r) => r.code === code)!;
  const root = join(__dirname, '..', '..');
  const current = parse(readFileSync(join(root, 'subgraphs', code, 'schema.graphql'), 'utf8'));
  let type = '';
  const older = visit(current, {
    ObjectTypeDefinition: {
      enter(node) {
        type = node.name.value;
      },
      leave() {
        type = '';
      },
    },
    InterfaceTypeDefinition: {
      enter(node) {
        type = node.name.value;
      },
      leave() {
        type = '';
      },
    },
    FieldDefinition(node: FieldDefinitionNode) {
      const field = `${type}.${node.name.value}`;
      if (removed.includes(field)) return null;
      const args = node.arguments?.filter((a) => !removed.includes(`${field}(${a.name.value})`));
      return args?.length === node.arguments?.length ? undefined : { ...node, arguments: args };
    },
  });
  const data = loadRegionData(code, join(root, 'subgraphs', code, 'data'));
  const region = { code, name: entry.name, ...data };
  const schema = buildSubgraphSchema({
    typeDefs: older,
    resolvers: {
      Query: { [code]: () => region },
      [entry.typename]: { __resolveReference: (ref: { code: string }) => (ref.code === code ? region : null) },
    } as never,
  });
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  const app = express();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/version', (_req, res) => {
    res.json({ service: code, version: 'older-contract', dataVersion: 'older-contract' });
  });
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    stop: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
