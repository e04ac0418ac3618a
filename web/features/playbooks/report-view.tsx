import { For, Show } from 'solid-js';
import type { ReportData } from '../../../shared/playbooks/report.ts';
import { useFormats } from '../organizations/current-organization.tsx';

/** The RACI report of a finished execution, as generated when it completed. */
export function ReportView(props: { report: ReportData; generatedAt: number }) {
  const fmt = useFormats();
  const num = (n: number | null) => (n === null ? '—' : fmt().number(n));
  return (
    <section class="panel playbook-report" aria-labelledby="report-title">
      <h2 id="report-title">RACI report</h2>
      <p class="panel-hint">Generated {fmt().dateTime(props.generatedAt)}</p>
      <h3>Executive summary</h3>
      <p>{props.report.executiveSummary}</p>
      <h3>RACI breakdown</h3>
      <table class="data-table stack-table">
        <caption class="visually-hidden">Steps by role</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Responsible</th>
            <th scope="col">Accountable</th>
            <th scope="col">Consulted</th>
            <th scope="col">Informed</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.report.raciBreakdown}>
            {(r) => (
              <tr>
                <th scope="row">{r.role}</th>
                <td data-label="Responsible">{r.responsible.length}</td>
                <td data-label="Accountable">{r.accountable.length}</td>
                <td data-label="Consulted">{r.consulted.length}</td>
                <td data-label="Informed">{r.informed.length}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <h3>Outcomes</h3>
      <Show when={props.report.outcomes.length > 0} fallback={<p class="panel-hint">The account has no KPIs to compare.</p>}>
        <table class="data-table stack-table">
          <caption class="visually-hidden">KPI values at the start and now</caption>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">Baseline</th>
              <th scope="col">Current</th>
              <th scope="col">Improvement</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.report.outcomes}>
              {(o) => (
                <tr>
                  <th scope="row">{o.kpi}</th>
                  <td data-label="Baseline">{num(o.baseline)}</td>
                  <td data-label="Current">{num(o.current)}</td>
                  <td data-label="Improvement">{num(o.improvement)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <h3>Exit criteria</h3>
      <ul>
        <For each={props.report.exitCriteriaMet}>
          {(c) => (
            <li>
              {c.met ? 'Met' : 'Not met'}: {c.criterion}
            </li>
          )}
        </For>
      </ul>
      <h3>Next steps</h3>
      <ul>
        <For each={props.report.nextSteps}>{(s) => <li>{s}</li>}</For>
      </ul>
    </section>
  );
}
