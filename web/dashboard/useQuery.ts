/** Runs one GraphQL operation whenever its variables change; keeps partial data that comes with errors. */
import { useEffect, useState } from 'react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { gql, type GqlError } from './send';

export interface Loaded<T> {
  data: T | null;
  errors: GqlError[];
  loading: boolean;
  failed?: string;
}
const initial = <T>(): Loaded<T> => ({ data: null, errors: [], loading: true });

/** variables null: nothing to ask (e.g. no region chosen). */
export function useQuery<T, V>(query: TypedDocumentNode<T, V>, variables: V | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>(initial);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (variables === null) {
      setState({ data: null, errors: [], loading: false });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    gql(query, variables, ctrl.signal).then(
      (r) => setState({ data: r.data, errors: r.errors, loading: false }),
      (e: Error) => {
        if (!ctrl.signal.aborted) setState({ data: null, errors: [], loading: false, failed: e.message });
      },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, key]);
  return state;
}
