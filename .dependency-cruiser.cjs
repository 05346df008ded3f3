/**
 * The dependency directions of the README's Architecture section, checked by `npm test` (npm run lint:deps).
 * Each rule names the layer it protects; a new file in a layer is covered by its folder.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain is pure logic: no database, store, HTTP, views, files or processes.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        path: '^(db|views|src/(store|routes|http|cli|jobs|files|demo|input|auth)|src/(app|server|cli|config)\\.tsx?$)',
      },
    },
    {
      name: 'domain-has-no-io',
      comment: 'src/domain reads no files, sockets or processes (node:buffer and node:zlib are computation).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        path: '^(fs|node:fs|fs/promises|node:fs/promises|net|node:net|http|node:http|child_process|node:child_process|worker_threads|node:worker_threads)$',
      },
    },
    {
      name: 'views-render-only',
      comment:
        'views render props: they import domain types (and drizzle row types from db/schema), nothing else from src/ or db/.',
      severity: 'error',
      from: { path: '^views/' },
      to: { path: '^(src/(?!domain/)|db/client)' },
    },
    {
      name: 'store-below-http',
      comment: 'src/store talks to the database for routes and the CLI; it never reaches up into them or into views.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^(views|src/(routes|http|cli)/)' },
    },
    {
      name: 'input-validates-only',
      comment: 'src/input turns raw input into domain types; it does not query.',
      severity: 'error',
      from: { path: '^src/input/' },
      to: { path: '^(db/client|views|src/(store|routes|http|cli)/)' },
    },
    {
      name: 'no-circular',
      comment: 'Cycles hide which layer owns a thing. (The drizzle schema files refer to each other for foreign keys.)',
      severity: 'error',
      from: { pathNot: '^db/[a-z-]*schema\\.ts$' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: '^(node_modules|test|db/migrations)' },
  },
}
