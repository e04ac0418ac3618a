import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * What a new password must not be: blank, or common or easy enough to guess
 * that an attacker's first million tries would find it. The guessing is
 * zxcvbn's (@zxcvbn-ts/core with its maintained list of common passwords and
 * keyboard patterns), which also counts the person's own name and e-mail as
 * easy guesses. The server checks every password it sets (server/auth); the
 * sign-up form loads this module on its own, as the list is large.
 */
export const PASSWORD_PROBLEMS = {
  PASSWORD_BLANK: 'A password cannot be only spaces. Choose one with letters, digits or symbols.',
  PASSWORD_TOO_COMMON:
    'This password is too common or too easy to guess. Try a few unrelated words together, or a longer phrase.',
} as const;
export type PasswordProblem = keyof typeof PASSWORD_PROBLEMS;

/** zxcvbn's score runs 0-4; below 2 means fewer than about 10^6 guesses. */
const MIN_SCORE = 2;

let estimator: ZxcvbnFactory | undefined;

/** The problem with `password`, or null. `personal`: the person's name and e-mail, which make easy guesses. */
export function passwordProblem(password: string, personal: readonly string[] = []): PasswordProblem | null {
  if (password.trim() === '') return 'PASSWORD_BLANK';
  // Built on first use: ranking the dictionaries takes some tens of milliseconds.
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const inputs = personal.flatMap((text) => [text, ...text.split(/[@.\s]+/)]).filter((part) => part.length >= 3);
  return estimator.check(password, inputs).score < MIN_SCORE ? 'PASSWORD_TOO_COMMON' : null;
}
