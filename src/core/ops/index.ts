export * from './tables';
export * from './columns';
export * from './constraints';
export * from './indexes';
export * from './queries';
export * from './review';
export * from './layout';
export * from './areas';
