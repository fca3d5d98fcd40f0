/**
 * Chinese full-text search, the one entry other modules use (issue 9 item 5): jieba tokens and
 * pinyin (search.text), index documents and their sortable keys (search.doc, search.key), the
 * FTS5 / tsvector SQL of both engines (search.dialect), query parsing and facets
 * (search.query), highlighted snippets (search.highlight) and admission control
 * (search.limiter). What a domain searches (its documents, policy, presenters) stays in the
 * domain: the market's achievements and demands are in modules/market/market.search.ts.
 */
export * from './search.dialect';
export * from './search.doc';
export * from './search.expr';
export * from './search.highlight';
export * from './search.key';
export * from './search.limiter';
export * from './search.parts';
export * from './search.pinyin';
export * from './search.query';
export * from './search.text';
export * from './search.words';
