import { APIError, createAuthMiddleware } from 'better-auth/api';
import { PASSWORD_PROBLEMS, passwordProblem } from '../../shared/password.ts';

/** The better-auth endpoints that set a password, and the body field that carries it. */
const PASSWORD_FIELD: Record<string, string> = {
  '/sign-up/email': 'password',
  '/change-password': 'newPassword',
  '/reset-password': 'newPassword',
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * better-auth's "before" hook: a blank, common or easily guessed new password
 * (shared/password.ts) is a 400 naming the problem, before anything is
 * written.
 */
export const passwordPolicy = createAuthMiddleware(async (ctx) => {
  const field = ctx.path ? PASSWORD_FIELD[ctx.path] : undefined;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const password = field ? text(body[field]) : null;
  // Missing and too short are better-auth's own answers.
  if (password === null || password.length < ctx.context.password.config.minPasswordLength) return;
  const personal = [text(body.email), text(body.name)].filter((t): t is string => t !== null);
  const problem = passwordProblem(password, personal);
  if (problem) throw APIError.from('BAD_REQUEST', { code: problem, message: PASSWORD_PROBLEMS[problem] });
});
