import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from 'vitest';

// postgres.js 3.4.7 (Zero's exact version) throws from an Immediate when a
// connection closes with a small write queued (porsager/postgres#1154,
// #1208), which kills the server when Postgres restarts, and leaves a stale
// write timer that blocks the connection for good. db/patches fixes both;
// `npm install` applies it (postinstall: patch-package).
test('the postgres.js driver in node_modules carries the null-socket patch in every build', () => {
  // The package's main module is <root>/cjs/src/index.js.
  const root = path.resolve(path.dirname(createRequire(import.meta.url).resolve('postgres')), '..', '..');
  for (const build of ['src', 'cjs/src', 'cf/src']) {
    const source = readFileSync(path.join(root, build, 'connection.js'), 'utf8');
    expect(source, build).toMatch(/function nextWrite\(fn\) \{[\s\S]{0,300}if \(socket === null\)/);
    expect(source.match(/chunk = nextWriteTimer = null \/\/ patched/g)?.length, build).toBe(2);
  }
});
