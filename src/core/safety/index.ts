export { classifyDanger, type Danger, type DangerKind } from './classifyDanger';
export { dangerHeader, dangerSummary, type DangerousStatement } from './warning';
