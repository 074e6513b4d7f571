import type { Design, SavedQuery } from '../model';

/** Saves a query of the EXPLAIN lab with the design (an access pattern it is for). */
export function addSavedQuery(design: Design, query: SavedQuery): Design {
  const queries = design.queries;
  if (queries.some((q) => q.id === query.id)) return design;
  return { ...design, queries: [...queries, query] };
}

/** Accepts `plan` (a plan shape) as the expected plan of a saved query: later changes are flagged against it. */
export function acceptQueryPlan(design: Design, queryId: string, plan: string): Design {
  const queries = design.queries;
  const query = queries.find((q) => q.id === queryId);
  if (!query || query.plan === plan) return design;
  return { ...design, queries: queries.map((q) => (q === query ? { ...q, plan } : q)) };
}

export function deleteSavedQuery(design: Design, queryId: string): Design {
  const queries = design.queries;
  if (!queries.some((q) => q.id === queryId)) return design;
  return { ...design, queries: queries.filter((q) => q.id !== queryId) };
}
