export * from './foreignKeyGraph';
export * from './neighbourhood';
export * from './findPath';
export * from './searchDesign';
