/**
 * Only same-site paths may be used as a "return to" target after signing in,
 * so a crafted link cannot bounce someone to another site.
 */
export function safeNext(value: string | string[] | null | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v?.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) return null;
  return v;
}

/** `/sign-in?next=...` style links that carry the return path along. */
export function withNext(path: string, next: string | null | undefined): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}
