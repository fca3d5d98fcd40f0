/** Third-party ranking lists: methods, scoring, canonical JSON and the API's schemas. */
export * from './api';
export * from './canonical';
export * from './method';
export * from './score';
export * from './window';
