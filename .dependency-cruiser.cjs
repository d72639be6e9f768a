/** Layer rules (docs/architecture.md): a wrong import fails `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain is pure TypeScript: no I/O, no other layer, no Node built-ins.',
      severity: 'error',
      from: { path: '^src/domain', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^src/domain', '^node_modules/zod'] },
    },
    {
      name: 'content-uses-domain-only',
      severity: 'error',
      from: { path: '^content' },
      to: { pathNot: ['^content', '^src/domain', '^node_modules/zod', '^node_modules/vitest'] },
    },
    {
      name: 'db-below-server',
      comment: 'The data layer may use domain and content, never the HTTP server or the web UI.',
      severity: 'error',
      from: { path: '^src/db' },
      to: { path: ['^src/server', '^src/web'] },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      from: { path: '^src/server' },
      to: { path: '^src/web' },
    },
    {
      name: 'web-sees-contracts-only',
      comment: 'The browser gets domain code and the API contracts, never the database or server internals.',
      severity: 'error',
      from: { path: '^src/web' },
      to: { path: ['^src/db', '^src/server/(?!contracts/)'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    exclude: { path: ['\\.json$'] },
  },
};
