export * from './schema';
export * from './extras';
export * from './layout';
export * from './document';
export { repairNotice, type Repair } from './repair';
export * from './design';
export { newId } from './ids';
export { exampleDocument } from './example';
export { hasHiddenCharacters, visibleName } from './visibleName';
