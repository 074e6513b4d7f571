export type * from './types';
export { diffDesigns, summarizeChanges } from './diffDesigns';
export { planMigration, planSteps } from './plan';
export { planChangedSteps, tablesReached } from './planChanges';
export { renderMigrationSql, transactionGroups, type StepGroup } from './renderMigrationSql';
export { exportSequelize } from './exportSequelize';
export { exportPrismaMigrate } from './exportPrismaMigrate';
export { exportSqlFiles } from './exportSqlFiles';
export { typeChangeCost } from './typeCasts';
