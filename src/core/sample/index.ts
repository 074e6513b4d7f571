export { planSampleData, MAX_SAMPLE_ROWS } from './planSampleData';
export type { SampleOptions, SamplePlan, SampleStep, SkippedTable } from './types';
