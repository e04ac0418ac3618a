import { z } from 'zod';
import { passwordMessage } from './password-check.ts';

/** Mirrors better-auth's settings (minPasswordLength 8) so most mistakes are caught before a request. */
export const PASSWORD_MIN = 8;

const email = z.string().trim().min(1, 'Enter your email address').pipe(z.email('Enter a valid email address'));

export const signInInput = z.object({
  email,
  password: z.string().min(1, 'Enter your password'),
});

export const signUpInput = z
  .object({
    name: z.string().trim().min(1, 'Enter your name').max(100, 'Name must be at most 100 characters'),
    email,
    password: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`).max(128, 'Use at most 128 characters'),
  })
  // Not blank, not common, not the person's own name or address (shared/password.ts, as the server checks it).
  .superRefine((input, ctx) => {
    if (input.password.length < PASSWORD_MIN) return;
    const message = passwordMessage(input.password, [input.email, input.name]);
    if (message) ctx.addIssue({ code: 'custom', path: ['password'], message });
  });

/** Which field a better-auth error type belongs to (e.g. USER_ALREADY_EXISTS -> email). */
export function fieldForAuthError(type: string): 'email' | 'password' | 'name' | undefined {
  if (type.includes('PASSWORD')) return 'password';
  if (type.includes('EMAIL') || type.includes('USER_ALREADY_EXISTS')) return 'email';
  if (type.includes('NAME')) return 'name';
  return undefined;
}
