import { describe, expect, test } from 'vitest';
import { DEMO_LOGIN } from '../../server/seed.ts';
import { passwordProblem } from '../../shared/password.ts';
import { signUpInput } from '../../web/features/auth/auth-schemas.ts';
import { loadPasswordRule } from '../../web/features/auth/password-check.ts';

describe('passwordProblem: the rule for every new password', () => {
  test.each(['password', '12345678', 'qwertyuiop', 'Password1', 'p@ssw0rd', 'abcdefgh', 'aaaaaaaa', 'password123'])(
    '%j is too common',
    (password) => {
      expect(passwordProblem(password)).toBe('PASSWORD_TOO_COMMON');
    },
  );

  test.each(['        ', '\t\t\t\t\t\t\t\t', ' \n \n \n \n'])('%j is blank', (password) => {
    expect(passwordProblem(password)).toBe('PASSWORD_BLANK');
  });

  test('the person’s own e-mail address or name is an easy guess', () => {
    expect(passwordProblem('pat.jones@example.com', ['pat.jones@example.com', 'Pat Jones'])).toBe('PASSWORD_TOO_COMMON');
    expect(passwordProblem('patjones1', ['pat.jones@example.com', 'Pat Jones'])).toBe('PASSWORD_TOO_COMMON');
  });

  test('the passwords the tests and the demo use pass', () => {
    for (const password of ['correct-horse-battery', 'another-password-1', 'violet-lantern-harbour', DEMO_LOGIN.password]) {
      expect(passwordProblem(password, ['someone@test.example', 'Someone']), password).toBeNull();
    }
  });
});

describe('the sign-up form applies the same rule once it has loaded it', () => {
  const form = (password: string) => signUpInput.safeParse({ name: 'Pat', email: 'pat@test.example', password });
  const passwordError = (password: string) => {
    const result = form(password);
    return result.success ? null : result.error.issues.find((i) => i.path[0] === 'password')?.message;
  };

  test('common and blank passwords get the server’s message; a good one passes', async () => {
    await loadPasswordRule();
    expect(passwordError('password')).toMatch(/too common or too easy to guess/);
    expect(passwordError('12345678')).toMatch(/too common or too easy to guess/);
    expect(passwordError('        ')).toMatch(/cannot be only spaces/);
    expect(passwordError('short')).toBe('Use at least 8 characters');
    expect(form('violet-lantern-harbour').success).toBe(true);
  });
});
