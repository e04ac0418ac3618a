/** Full-page placeholder while the session or organization is being worked out. */
export function LoadingScreen(props: { label?: string }) {
  return (
    <main class="loading-screen" aria-busy="true">
      <div class="spinner" aria-hidden="true" />
      <p>{props.label ?? 'Loading…'}</p>
    </main>
  );
}
