import { For } from 'solid-js';
import { type PlaybookStep, RACI_ROLES, type RaciRole } from '../../../shared/playbooks/builtins.ts';
import { SelectField } from '../../components/select-field.tsx';

type Raci = PlaybookStep['raci'];
const ROLE_OPTIONS = RACI_ROLES.map((r) => ({ value: r, label: r }));

/**
 * A step's RACI roles as edited: one Responsible and one Accountable role
 * (selects), any number Consulted and Informed (checkboxes). `label` names
 * the step for assistive tech ("step 2").
 */
export function RaciFields(props: {
  raci: Raci;
  label: string;
  name: string;
  onChange: (raci: Raci) => void;
  errors: (field: keyof Raci) => string | undefined;
}) {
  const toggle = (field: 'consulted' | 'informed', role: RaciRole, on: boolean) => {
    const rest = props.raci[field].filter((r) => r !== role);
    // Kept in the roles' own order, so a saved copy reads the same way every time.
    const next = on ? RACI_ROLES.filter((r) => r === role || rest.includes(r)) : rest;
    props.onChange({ ...props.raci, [field]: next });
  };
  const many = (field: 'consulted' | 'informed', title: string) => (
    <fieldset class="raci-many">
      <legend>
        {title} ({props.label})
      </legend>
      <For each={RACI_ROLES}>
        {(role) => (
          <label class="raci-check">
            <input
              type="checkbox"
              name={`${props.name}-${field}`}
              value={role}
              checked={props.raci[field].includes(role)}
              onChange={(e) => toggle(field, role, e.currentTarget.checked)}
            />
            {role}
          </label>
        )}
      </For>
      <p class="field-error">{props.errors(field)}</p>
    </fieldset>
  );
  return (
    <div class="raci-fields">
      <SelectField
        label={`Responsible (${props.label})`}
        name={`${props.name}-responsible`}
        options={ROLE_OPTIONS}
        value={props.raci.responsible}
        onChange={(v) => props.onChange({ ...props.raci, responsible: v as RaciRole })}
        error={props.errors('responsible')}
      />
      <SelectField
        label={`Accountable (${props.label})`}
        name={`${props.name}-accountable`}
        options={ROLE_OPTIONS}
        value={props.raci.accountable}
        onChange={(v) => props.onChange({ ...props.raci, accountable: v as RaciRole })}
        error={props.errors('accountable')}
      />
      {many('consulted', 'Consulted')}
      {many('informed', 'Informed')}
    </div>
  );
}
