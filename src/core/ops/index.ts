export * from './tables';
export * from './columns';
export * from './constraints';
export * from './indexes';
export * from './types';
