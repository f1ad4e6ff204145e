/** A GraphiQL sidebar plugin listing the docs/queries examples; a click opens one in a new tab. */
import { useEffect, useRef } from 'react';
import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import { EXAMPLES } from '../src/examples';

function ExamplesList() {
  const { addTab } = useGraphiQLActions();
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const tabCount = useGraphiQL((s) => s.tabs.length);
  const pending = useRef<string | null>(null);

  // addTab() creates an empty tab; once it is the active one, fill the query editor.
  useEffect(() => {
    if (pending.current !== null && queryEditor) {
      queryEditor.setValue(pending.current);
      pending.current = null;
    }
  }, [tabCount, queryEditor]);

  return (
    <div className="samverkan-examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>
        Example operations from <code>docs/queries/</code>, one per analyst question. Click to open in a new tab.
      </p>
      <ul>
        {EXAMPLES.map((e) => (
          <li key={e.file}>
            <button
              type="button"
              data-example={e.name}
              onClick={() => {
                pending.current = e.query;
                addTab();
              }}
            >
              <strong>{e.name}</strong>
              <span>{e.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5h16M4 10h16M4 15h10M4 20h7" strokeLinecap="round" />
    </svg>
  );
}

export const examplesPlugin: GraphiQLPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExamplesList };
