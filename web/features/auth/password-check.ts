type PasswordRule = typeof import('../../../shared/password.ts');

/**
 * The shared password rule for the sign-up form. It carries a list of common
 * passwords (about 200 KB compressed), so it is loaded in its own chunk when
 * the sign-up page opens, not with the app. Until it has arrived the form
 * checks nothing more; the server applies the same rule and its answer shows
 * under the same field.
 */
let rule: PasswordRule | undefined;
let loading: Promise<void> | undefined;

export function loadPasswordRule(): Promise<void> {
  loading ??= import('../../../shared/password.ts').then(
    (loaded) => {
      rule = loaded;
    },
    (err: unknown) => {
      loading = undefined; // a later page visit tries again
      throw err;
    },
  );
  return loading;
}

/** What is wrong with `password` by the shared rule (once loaded), or null. */
export function passwordMessage(password: string, personal: readonly string[]): string | null {
  const problem = rule?.passwordProblem(password, personal);
  return rule && problem ? rule.PASSWORD_PROBLEMS[problem] : null;
}
