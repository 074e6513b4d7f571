import { qualifiedName } from '../sql/quote';
import type { PlanNode } from './types';

/**
 * Reads the JSON PostgreSQL prints for `EXPLAIN (FORMAT JSON)`: the text, the parsed array, or the
 * row PGlite returns (`{ "QUERY PLAN": [...] }`). Throws an Error saying what was expected when it
 * is none of those.
 */
export function parseExplain(json: unknown): PlanNode {
  let value = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  if (Array.isArray(value) && isRecord(value[0]) && 'QUERY PLAN' in value[0])
    value = value[0]['QUERY PLAN'];
  if (isRecord(value) && 'QUERY PLAN' in value) value = value['QUERY PLAN'];
  if (typeof value === 'string') value = JSON.parse(value) as unknown;
  const top = Array.isArray(value) ? value[0] : value;
  if (!isRecord(top) || !isRecord(top.Plan)) {
    throw new Error(
      'This is not EXPLAIN output in JSON: expected [{ "Plan": { ... } }], as EXPLAIN (FORMAT JSON) prints.',
    );
  }
  const root = toNode(top.Plan);
  const planning = num(top['Planning Time']);
  const execution = num(top['Execution Time']);
  if (planning !== undefined) root.planningTimeMs = planning;
  if (execution !== undefined) root.executionTimeMs = execution;
  return root;
}

function toNode(plan: Record<string, unknown>): PlanNode {
  const node: PlanNode = {
    nodeType: str(plan['Node Type']) ?? 'Unknown',
    startupCost: num(plan['Startup Cost']) ?? 0,
    totalCost: num(plan['Total Cost']) ?? 0,
    planRows: num(plan['Plan Rows']) ?? 0,
    children: Array.isArray(plan.Plans) ? plan.Plans.filter(isRecord).map(toNode) : [],
  };
  const relationName = str(plan['Relation Name']);
  const schema = str(plan.Schema);
  if (relationName !== undefined) {
    node.relationName = relationName;
    // Without VERBOSE PostgreSQL leaves the schema out; `public` is the usual guess.
    node.relation = qualifiedName(schema ?? 'public', relationName);
  }
  if (schema !== undefined) node.schema = schema;
  const optional: [keyof PlanNode, unknown][] = [
    ['alias', str(plan.Alias)],
    ['indexName', str(plan['Index Name'])],
    ['actualRows', num(plan['Actual Rows'])],
    ['actualLoops', num(plan['Actual Loops'])],
    ['actualTotalTimeMs', num(plan['Actual Total Time'])],
    ['sharedHitBlocks', num(plan['Shared Hit Blocks'])],
    ['sharedReadBlocks', num(plan['Shared Read Blocks'])],
    ['filter', str(plan.Filter)],
    ['indexCond', str(plan['Index Cond'])],
    ['rowsRemovedByFilter', num(plan['Rows Removed by Filter'])],
    [
      'sortKey',
      Array.isArray(plan['Sort Key'])
        ? plan['Sort Key'].filter((k) => typeof k === 'string')
        : undefined,
    ],
  ];
  for (const [key, value] of optional)
    if (value !== undefined) Object.assign(node, { [key]: value });
  return node;
}

/** Qualified names of the tables the plan reads, each once, in plan order. */
export function tablesInPlan(tree: PlanNode): string[] {
  const out = new Set<string>();
  const walk = (n: PlanNode) => {
    if (n.relation) out.add(n.relation);
    n.children.forEach(walk);
  };
  walk(tree);
  return [...out];
}

/** Every node of the tree, parents before children. */
export function planNodes(tree: PlanNode): PlanNode[] {
  return [tree, ...tree.children.flatMap(planNodes)];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
