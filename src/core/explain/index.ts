export { parseExplain, tablesInPlan, planNodes } from './parseExplain';
export { adviseIndexes } from './adviseIndexes';
export { filterColumns, type FilterColumn } from './filterColumns';
export type { IndexAdvice, PlanNode } from './types';
