/**
 * The analyst's playground: GraphiQL 5 (Monaco editor, schema docs, autocomplete), bundled by Vite
 * with its web workers, so it runs with no internet access. The gateway's same-origin /graphql
 * answers; the example operations of docs/queries open as tabs and stay available in the
 * "Examples" sidebar plugin.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './playground.css';
import { StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { cleanAnswer, fixTabBar } from './a11y';
import { examplesPlugin } from './examples-plugin';
import { EXAMPLES } from '../src/examples';

// Same origin; graphiql's fetcher sends content-type: application/json (the gateway's CSRF prevention wants it).
const graphiqlFetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });

/**
 * Right after a tab switch GraphiQL can still send the previous tab's operation name, which the
 * gateway rejects ("Unknown operation named"). Send the name only when the document defines it;
 * a document with one named operation gets that one.
 */
const fetcher: Fetcher = (params, opts) => {
  const names = [...params.query.matchAll(/^\s*(?:query|mutation|subscription)\s+(\w+)/gm)].map((m) => m[1]!);
  const operationName = params.operationName && names.includes(params.operationName) ? params.operationName : names.length === 1 ? names[0] : undefined;
  // Every answer (a promise, or a stream of parts) loses any server stack trace before GraphiQL shows it.
  return cleanAnswer(graphiqlFetcher({ ...params, operationName }, opts));
};

function App() {
  const main = useRef<HTMLElement>(null);
  useEffect(() => (main.current ? fixTabBar(main.current) : undefined), []);
  return (
    <main ref={main} className="samverkan-playground">
      <GraphiQL
        fetcher={fetcher}
        defaultTabs={EXAMPLES.map((e) => ({ query: e.query }))}
        plugins={[examplesPlugin, HISTORY_PLUGIN]}
        defaultEditorToolsVisibility={false}
      >
        <GraphiQL.Logo>
          <h1 className="samverkan-logo">
            Samverkan Graph <a href="/dashboard/">Dashboard</a>
          </h1>
        </GraphiQL.Logo>
      </GraphiQL>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
