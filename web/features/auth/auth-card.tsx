import type { JSX } from 'solid-js';
import { usePageTitle } from '../../lib/page-title.ts';

/** The centred card the sign-in, sign-up, welcome and invite pages share. */
export function AuthCard(props: { title: string; subtitle?: JSX.Element; children: JSX.Element; footer?: JSX.Element }) {
  usePageTitle(() => `${props.title} · Live KPI`);
  return (
    <>
      <header class="auth-header">
        <span class="brand">
          <span class="brand-mark" aria-hidden="true" />
          Live KPI
        </span>
      </header>
      <main class="auth-page">
        <section class="auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title">{props.title}</h1>
          {props.subtitle ? <p class="auth-subtitle">{props.subtitle}</p> : null}
          {props.children}
        </section>
        {props.footer ? <p class="auth-footer">{props.footer}</p> : null}
      </main>
    </>
  );
}
