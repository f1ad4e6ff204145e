/** What every section needs from the page: labels, region names and colours, the quote panel. */
import { createContext, useContext } from 'react';
import type { Quote } from './api';
import type { Translator } from './i18n';

/**
 * `facts`, when given, are aligned with `quotes`: the fact each quote stands for (shown above it).
 * `note` is shown as given, in the page's language (the caller translates it).
 */
export interface QuoteRequest {
  title: string;
  quotes: Quote[];
  facts?: string[];
  note?: string | null;
  regionCode?: string;
}

export interface Dashboard {
  tr: Translator;
  regionName: (code: string) => string;
  color: (code: string) => string;
  showQuote: (request: QuoteRequest) => void;
}

export const DashboardContext = createContext<Dashboard | null>(null);

export function useDashboard(): Dashboard {
  const d = useContext(DashboardContext);
  if (!d) throw new Error('useDashboard outside DashboardContext');
  return d;
}
