/**
 * Before traffic goes to a newly deployed subgraph: do the subgraphs as they run now compose, and do
 * they still serve everything the supergraph in use (a gateway's, or a file) plans for? Reads each
 * running subgraph's SDL (`_service { sdl }` at <CODE>_URL, else its registry port), composes them, and
 * diffs the supergraph in use with the result: what the gateway would plan for but no subgraph serves
 * any more is breaking (roll the gateway's supergraph out first, or keep the field).
 */
import { composeServices } from '@apollo/composition';
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { SUBGRAPHS, urlVar } from '@samverkan/contract';
import { SECRET_HEADER } from '@samverkan/shared';
import { collisionHints, nameCollisions } from './collisions';
import { defaultUrl } from './supergraph';

const headers = (env: NodeJS.ProcessEnv): Record<string, string> => ({
  'content-type': 'application/json',
  ...(env.SUBGRAPH_SECRET ? { [SECRET_HEADER]: env.SUBGRAPH_SECRET } : {}),
});

/** The supergraph in use: GET <gateway origin>/supergraph, or a file. */
export async function supergraphInUse(against: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (!/^https?:\/\//.test(against)) return readFileSync(against, 'utf8');
  const res = await fetch(new URL('/supergraph', against), { headers: headers(env), signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`${against}: GET /supergraph answered HTTP ${res.status}`);
  return res.text();
}

/** The running subgraphs' SDLs, composed. */
export async function composeRunning(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const sdls = await Promise.all(
    SUBGRAPHS.map(async (s) => {
      const url = env[urlVar(s.code)] || defaultUrl(s.port);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: headers(env),
          body: JSON.stringify({ query: '{ _service { sdl } }' }),
          signal: AbortSignal.timeout(5000),
        });
      } catch (e) {
        throw new Error(`${s.code} (${url}) did not answer: ${(e as Error).message}`, { cause: e });
      }
      const body = (await res.json()) as { data?: { _service?: { sdl?: string } } };
      const sdl = body.data?._service?.sdl;
      if (!res.ok || !sdl) throw new Error(`${s.code} (${url}) gave no SDL (HTTP ${res.status})`);
      return { name: s.code, url, sdl };
    }),
  );
  const result = composeServices(sdls.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors?.length) {
    const hints = collisionHints(nameCollisions(sdls));
    throw new Error(
      `The running subgraphs do not compose:\n${hints.map((h) => `HINT: ${h}\n`).join('')}${result.errors.map((e) => `- ${e.message}`).join('\n')}`,
    );
  }
  return result.supergraphSdl!;
}
