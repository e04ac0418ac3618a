import { For } from 'solid-js';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';

export interface TodayUnitsProps {
  /** Today's shift date in the time zone named. */
  day: number;
  timeZone: string;
  lines: readonly { id: string; name: string }[];
  units: { total: number; byLine: ReadonlyMap<string, number> };
  tv?: boolean;
}

/** Units produced today (the organization's calendar day) per line and in total, live. */
export function TodayUnits(props: TodayUnitsProps) {
  const org = useCurrentOrganization();
  const fmt = () => org.formats();
  const dayText = () => fmt().day(props.day);
  return (
    <section class="sf-panel sf-today" aria-labelledby="sf-today-title">
      <h2 id="sf-today-title">Today's units</h2>
      <p class="sf-today-day">
        {dayText()} <span class="sf-muted">({props.timeZone})</span>
      </p>
      <p class="sf-today-total" aria-live="polite">
        <span class="sf-today-number">{fmt().number(props.units.total)}</span> units in total
      </p>
      <table class="data-table">
        <caption class="visually-hidden">Today's units per line</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" class="num">
              Units
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.lines}>
            {(line) => (
              <tr>
                <th scope="row">{line.name}</th>
                <td class="num">{fmt().number(props.units.byLine.get(line.id) ?? 0)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}
