import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { loadEnv } from '../../server/env.ts';
import { AppError } from '../../shared/errors.ts';
import { dataPointInput, KPI_NAME_MAX, KPI_UNIT_MAX, kpiInput, targetIssue } from '../../shared/kpi.ts';
import { kpiProgress, kpiStanding, targetGap } from '../../shared/progress.ts';
import { fieldIssues, messagesByField, parseOrThrow } from '../../shared/validation.ts';

const valid = { name: 'Churn rate', unit: '%', target: 2 };

/** The issues kpiInput reports for `input`, as [field, message] pairs (empty when valid). */
function problems(input: Record<string, unknown>): [string, string][] {
  const result = kpiInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [String(i.path[0]), i.message]);
}

describe('kpiInput: the field rules shared by the form, the mutators and the REST API', () => {
  test('a well-formed KPI passes, with name and unit trimmed', () => {
    const defaults = {
      description: '',
      category: 'general',
      direction: 'higher',
      frequency: 'monthly',
      ownerID: null,
      accountID: null,
      healthCategory: null,
      weight: 1,
    };
    expect(kpiInput.parse({ name: '  Churn rate  ', unit: ' % ', target: 2.5 })).toEqual({
      name: 'Churn rate',
      unit: '%',
      target: 2.5,
      ...defaults,
    });
    expect(kpiInput.parse({ ...valid, unit: '' })).toEqual({ ...valid, unit: '', ...defaults });
    expect(kpiInput.parse({ ...valid, direction: 'lower', frequency: 'weekly', category: 'quality' })).toMatchObject({
      direction: 'lower',
      frequency: 'weekly',
      category: 'quality',
    });
    expect(kpiInput.safeParse({ ...valid, direction: 'sideways' }).success).toBe(false);
  });

  test('the name is required and at most 100 characters, counted after trimming', () => {
    expect(problems({ ...valid, name: '' })).toEqual([['name', 'Name is required']]);
    expect(problems({ ...valid, name: '   \t ' })).toEqual([['name', 'Name is required']]);
    expect(problems({ ...valid, name: undefined })).toEqual([['name', 'Name is required']]);
    expect(problems({ ...valid, name: 42 })).toEqual([['name', 'Name is required']]);
    expect(KPI_NAME_MAX).toBe(100);
    expect(problems({ ...valid, name: 'x'.repeat(101) })).toEqual([['name', 'Name must be at most 100 characters']]);
    expect(problems({ ...valid, name: 'x'.repeat(100) })).toEqual([]);
    expect(problems({ ...valid, name: ` ${'x'.repeat(100)} ` })).toEqual([]);
  });

  test('the unit is text of at most 20 characters', () => {
    expect(KPI_UNIT_MAX).toBe(20);
    expect(problems({ ...valid, unit: 'u'.repeat(21) })).toEqual([['unit', 'Unit must be at most 20 characters']]);
    expect(problems({ ...valid, unit: 'u'.repeat(20) })).toEqual([]);
    expect(problems({ ...valid, unit: undefined })).toEqual([['unit', 'Unit must be text']]);
    expect(problems({ ...valid, unit: 7 })).toEqual([['unit', 'Unit must be text']]);
  });

  test('the target is a positive finite number, at most 10^15', () => {
    const rule = 'Target must be a positive number (or 0 when lower is better)';
    expect(problems({ ...valid, target: 0 })).toEqual([['target', rule]]);
    expect(problems({ ...valid, target: -3 })).toEqual([['target', rule]]);
    expect(problems({ ...valid, target: -0.0001 })).toEqual([['target', rule]]);
    // zod 4 refuses NaN and the infinities as "not a number" before the finiteness rule runs.
    expect(problems({ ...valid, target: Number.NaN })).toEqual([['target', 'Target must be a number']]);
    expect(problems({ ...valid, target: Number.POSITIVE_INFINITY })).toEqual([['target', 'Target must be a number']]);
    expect(problems({ ...valid, target: Number.NEGATIVE_INFINITY })).toEqual([['target', 'Target must be a number']]);
    expect(problems({ ...valid, target: '5' })).toEqual([['target', 'Target must be a number']]);
    expect(problems({ ...valid, target: undefined })).toEqual([['target', 'Target must be a number']]);
    expect(problems({ ...valid, target: 0.001 })).toEqual([]);
    // The target of 1e308 that widened every page of its organization.
    expect(problems({ ...valid, target: 1e308 })).toEqual([['target', 'Target must be at most 1,000,000,000,000,000']]);
    expect(problems({ ...valid, target: 1e15 + 1 })).toEqual([['target', 'Target must be at most 1,000,000,000,000,000']]);
    expect(problems({ ...valid, target: 1e15 })).toEqual([]);
  });

  test('a target of 0 is for lower-is-better KPIs ("safety incidents"), never higher-is-better ones', () => {
    const rule = 'Target must be a positive number (or 0 when lower is better)';
    expect(problems({ ...valid, target: 0, direction: 'lower' })).toEqual([]);
    expect(problems({ ...valid, target: 0, direction: 'higher' })).toEqual([['target', rule]]);
    expect(problems({ ...valid, target: -1, direction: 'lower' })).toEqual([['target', rule]]);
    expect(targetIssue(0, 'lower')).toBeUndefined();
    expect(targetIssue(0, 'higher')).toBe(rule);
    expect(targetIssue(5, 'higher')).toBeUndefined();
    // Reported with the other bad fields, but not on top of a bad direction.
    expect(problems({ ...valid, name: '', target: 0 })).toEqual([
      ['name', 'Name is required'],
      ['target', rule],
    ]);
    expect(problems({ ...valid, target: 0, direction: 'sideways' })).toEqual([
      ['direction', 'Direction must be "higher" or "lower"'],
    ]);
  });

  test('data point values are bounded the same way, both signs', () => {
    const value = (v: unknown) => dataPointInput.safeParse({ value: v }).error?.issues.map((i) => i.message) ?? [];
    expect(value(-1e15)).toEqual([]);
    expect(value(1e15)).toEqual([]);
    expect(value(1e308)).toEqual(['Value must be at most 1,000,000,000,000,000']);
    expect(value(-1e16)).toEqual(['Value must be at least -1,000,000,000,000,000']);
    expect(value(Number.NaN)).toEqual(['Value must be a number']);
    expect(value(Number.POSITIVE_INFINITY)).toEqual(['Value must be a number']);
  });

  test('every bad field is reported at once, in field order', () => {
    expect(problems({ name: ' ', unit: 'u'.repeat(30), target: 0 })).toEqual([
      ['name', 'Name is required'],
      ['unit', 'Unit must be at most 20 characters'],
      ['target', 'Target must be a positive number (or 0 when lower is better)'],
    ]);
  });
});

describe('kpiProgress', () => {
  test('is current / target between 0 and 1', () => {
    expect(kpiProgress(50, 200)).toBe(0.25);
    expect(kpiProgress(0, 10)).toBe(0);
    expect(kpiProgress(10, 10)).toBe(1);
  });

  test('caps above the target at 1 and below zero at 0', () => {
    expect(kpiProgress(250, 100)).toBe(1);
    expect(kpiProgress(-5, 100)).toBe(0);
  });

  test('is null without a usable value or target', () => {
    expect(kpiProgress(null, 10)).toBeNull();
    expect(kpiProgress(undefined, 10)).toBeNull();
    expect(kpiProgress(Number.NaN, 10)).toBeNull();
    expect(kpiProgress(Number.POSITIVE_INFINITY, 10)).toBeNull();
    expect(kpiProgress(5, 0)).toBeNull();
    expect(kpiProgress(5, -10)).toBeNull();
    expect(kpiProgress(5, Number.NaN)).toBeNull();
  });

  test('a lower-is-better target of 0: at or below 0 is on track, above it off track by the gap', () => {
    expect(kpiStanding(0, 0, 'lower')).toEqual({ progress: 1, status: 'on-track', onTarget: true, gap: 0 });
    expect(kpiStanding(-2, 0, 'lower')).toEqual({ progress: 1, status: 'on-track', onTarget: true, gap: 0 });
    expect(kpiStanding(3, 0, 'lower')).toEqual({ progress: 0, status: 'off-track', onTarget: false, gap: 3 });
    expect(kpiStanding(0.5, 0, 'lower')).toMatchObject({ status: 'off-track', gap: 0.5 });
    expect(kpiStanding(null, 0, 'lower')).toEqual({ progress: null, status: 'no-data', onTarget: false, gap: null });
  });

  test('targetGap: how far the value misses its target, in its unit', () => {
    expect(targetGap(80, 100, 'higher')).toBe(20);
    expect(targetGap(120, 100, 'higher')).toBe(0);
    expect(targetGap(120, 100, 'lower')).toBe(20);
    expect(targetGap(80, 100, 'lower')).toBe(0);
  });
});

describe('shared/validation', () => {
  const bad = () => {
    const result = kpiInput.safeParse({ name: '', unit: 'u'.repeat(21), target: -1 });
    if (result.success) throw new Error('expected the input to be refused');
    return result.error;
  };

  test('fieldIssues turns zod issues into {loc, msg, type}, with an optional prefix', () => {
    expect(fieldIssues(bad())).toEqual([
      { loc: ['name'], msg: 'Name is required', type: 'too_small' },
      { loc: ['unit'], msg: 'Unit must be at most 20 characters', type: 'too_big' },
      { loc: ['target'], msg: 'Target must be a positive number (or 0 when lower is better)', type: 'custom' },
    ]);
    expect(fieldIssues(bad(), ['body']).map((i) => i.loc)).toEqual([
      ['body', 'name'],
      ['body', 'unit'],
      ['body', 'target'],
    ]);
    const nested = z.object({ rows: z.array(z.object({ value: z.number({ error: 'Value must be a number' }) })) });
    const result = nested.safeParse({ rows: [{ value: 1 }, { value: 'x' }] });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldIssues(result.error)).toEqual([
        { loc: ['rows', 1, 'value'], msg: 'Value must be a number', type: 'invalid_type' },
      ]);
    }
  });

  test('parseOrThrow returns the parsed value when valid', () => {
    expect(parseOrThrow(kpiInput, { name: ' A ', unit: '', target: 1 })).toMatchObject({ name: 'A', unit: '', target: 1 });
  });

  test('parseOrThrow throws a VALIDATION_FAILED AppError naming every bad field', () => {
    let caught: unknown;
    try {
      parseOrThrow(kpiInput, { name: '', unit: 'u'.repeat(21), target: -1 }, ['body']);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    const err = caught as AppError;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toBe('Name is required (and 2 more)');
    expect(err.details).toEqual([
      { loc: ['body', 'name'], msg: 'Name is required', type: 'too_small' },
      { loc: ['body', 'unit'], msg: 'Unit must be at most 20 characters', type: 'too_big' },
      { loc: ['body', 'target'], msg: 'Target must be a positive number (or 0 when lower is better)', type: 'custom' },
    ]);
  });

  test('parseOrThrow with one bad field uses its message alone', () => {
    expect(() => parseOrThrow(kpiInput, { ...valid, target: 0 })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: 'Target must be a positive number (or 0 when lower is better)',
        details: [{ loc: ['target'], msg: 'Target must be a positive number (or 0 when lower is better)', type: 'custom' }],
      }),
    );
  });

  test('messagesByField keeps the first message per top-level field', () => {
    const twoOnName = z.object({
      name: z
        .string()
        .min(3, 'Too short')
        .regex(/^[a-z]+$/, 'Lower case only'),
      unit: z.string(),
    });
    const result = twoOnName.safeParse({ name: 'A', unit: 1 });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues.filter((i) => i.path[0] === 'name')).toHaveLength(2);
      expect(messagesByField(result.error)).toEqual({
        name: 'Too short',
        unit: 'Invalid input: expected string, received number',
      });
    }
    expect(messagesByField(bad())).toEqual({
      name: 'Name is required',
      unit: 'Unit must be at most 20 characters',
      target: 'Target must be a positive number (or 0 when lower is better)',
    });
  });
});

describe('loadEnv', () => {
  test('an empty environment gives the local defaults', () => {
    expect(loadEnv({})).toEqual({
      NODE_ENV: 'development',
      DATA_DIR: '.data',
      PG_PORT: 54329,
      HOST: '127.0.0.1',
      PORT: 3000,
      ZERO_PORT: 4848,
      TRUST_PROXY: [],
      SEED_DEMO: true,
      AI_MODEL: 'gpt-4o-mini',
      CHAT_MESSAGES_PER_HOUR: 60,
      CHAT_MAX_OUTPUT_TOKENS: 1000,
      CHAT_TIMEOUT_MS: 60_000,
      REPORT_SEND_RETRY_SECONDS: 60,
      MAIL_FROM: 'Live KPI <no-reply@localhost>',
      LOG_LEVEL: 'info',
    });
  });

  test('values are parsed: ports as numbers, lists split, blanks treated as unset', () => {
    const env = loadEnv({ PORT: '8080', TRUST_PROXY: 'loopback, 10.0.0.1,,', SEED_DEMO: 'false', GOOGLE_CLIENT_ID: '  ' });
    expect(env.PORT).toBe(8080);
    expect(env.TRUST_PROXY).toEqual(['loopback', '10.0.0.1']);
    expect(env.SEED_DEMO).toBe(false);
    expect(env.GOOGLE_CLIENT_ID).toBeUndefined();
  });

  test('an empty PORT means the default, and DATABASE_URL must be a Postgres URL', () => {
    expect(loadEnv({ PORT: '', ZERO_PORT: ' ' }).PORT).toBe(3000);
    expect(loadEnv({ PORT: '', ZERO_PORT: ' ' }).ZERO_PORT).toBe(4848);
    expect(() => loadEnv({ DATABASE_URL: 'http://db.example/x' })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/,
    );
    expect(loadEnv({ DATABASE_URL: 'postgresql://u:p@db.example:5432/x' }).DATABASE_URL).toBe(
      'postgresql://u:p@db.example:5432/x',
    );
  });

  test('a bad PORT stops start-up with a message naming the variable', () => {
    expect(() => loadEnv({ PORT: 'abc' })).toThrow(/^Invalid environment:\n {2}PORT: /);
    expect(() => loadEnv({ PORT: '70000' })).toThrow(/PORT: .*65535/);
    expect(() => loadEnv({ PORT: '0' })).toThrow(/PORT: /);
    expect(() => loadEnv({ ZERO_PORT: 'x' })).toThrow(/ZERO_PORT: /);
  });

  test('other bad values name their variable too', () => {
    expect(() => loadEnv({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV: /);
    expect(() => loadEnv({ DATABASE_URL: 'not a url' })).toThrow('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect(() => loadEnv({ SEED_DEMO: 'yes' })).toThrow(/SEED_DEMO: /);
  });

  test('production requires AUTH_SECRET, DATABASE_URL, PUBLIC_URL and ZERO_ADMIN_PASSWORD, naming each missing one', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(
      'Invalid environment:\n' +
        '  AUTH_SECRET: required when NODE_ENV=production\n' +
        '  DATABASE_URL: required when NODE_ENV=production\n' +
        '  PUBLIC_URL: required when NODE_ENV=production\n' +
        '  ZERO_ADMIN_PASSWORD: required when NODE_ENV=production',
    );
    const complete = {
      NODE_ENV: 'production',
      AUTH_SECRET: 's'.repeat(32),
      DATABASE_URL: 'postgres://kpi@db.internal:5432/kpi',
      PUBLIC_URL: 'https://kpi.example.com',
      ZERO_ADMIN_PASSWORD: 'admin-password',
    };
    expect(loadEnv(complete).NODE_ENV).toBe('production');
    for (const key of ['AUTH_SECRET', 'DATABASE_URL', 'PUBLIC_URL', 'ZERO_ADMIN_PASSWORD'] as const) {
      const message = `Invalid environment:\n  ${key}: required when NODE_ENV=production`;
      expect(() => loadEnv({ ...complete, [key]: undefined })).toThrow(message);
      expect(() => loadEnv({ ...complete, [key]: '  ' })).toThrow(message);
    }
  });

  test('production with an external zero-cache needs the shared ZERO_API_KEY instead of the admin password', () => {
    const external = {
      NODE_ENV: 'production',
      AUTH_SECRET: 's'.repeat(32),
      DATABASE_URL: 'postgres://kpi@db.internal:5432/kpi',
      PUBLIC_URL: 'https://kpi.example.com',
      ZERO_CACHE_URL: 'http://zero-cache:4848',
    };
    expect(() => loadEnv(external)).toThrow('Invalid environment:\n  ZERO_API_KEY: required when NODE_ENV=production');
    expect(loadEnv({ ...external, ZERO_API_KEY: 'k'.repeat(24) }).ZERO_API_KEY).toBe('k'.repeat(24));
  });

  test('an AUTH_SECRET shorter than 32 characters is refused, in every mode', () => {
    expect(() => loadEnv({ AUTH_SECRET: 's'.repeat(31) })).toThrow('AUTH_SECRET: AUTH_SECRET must be at least 32 characters');
    expect(() => loadEnv({ NODE_ENV: 'test', AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: /);
    expect(loadEnv({ AUTH_SECRET: 's'.repeat(32) }).AUTH_SECRET).toBe('s'.repeat(32));
  });

  test('a Google client id without its secret (or the reverse) is refused', () => {
    const message = 'GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET must be set together';
    expect(() => loadEnv({ GOOGLE_CLIENT_ID: 'id.apps.googleusercontent.com' })).toThrow(message);
    expect(() => loadEnv({ GOOGLE_CLIENT_SECRET: 'secret' })).toThrow(message);
    expect(() => loadEnv({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: ' ' })).toThrow(message);
    const both = loadEnv({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 'secret' });
    expect([both.GOOGLE_CLIENT_ID, both.GOOGLE_CLIENT_SECRET]).toEqual(['id', 'secret']);
  });
});
