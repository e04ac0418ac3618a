import { DropdownMenu } from '@kobalte/core/dropdown-menu';
import { For } from 'solid-js';
import { type Density, density, setDensity, setThemeChoice, type ThemeChoice, themeChoice } from '../../lib/theme.ts';
import { DENSITIES, isDensity, isThemeChoice, THEME_CHOICES } from '../../lib/theme-choice.ts';

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const DENSITY_LABELS: Record<Density, string> = { comfortable: 'Comfortable', compact: 'Compact' };

/**
 * "Display" in the header: theme (follow the system, light, dark) and
 * density, each a radio group in one menu. The choices stay on this device.
 */
export function DisplayMenu() {
  return (
    <DropdownMenu gutter={6} placement="bottom-end">
      <DropdownMenu.Trigger class="button button-ghost button-small">
        Display <span aria-hidden="true">▾</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content class="menu-content">
          <DropdownMenu.RadioGroup
            class="menu-group"
            value={themeChoice()}
            onChange={(v) => isThemeChoice(v) && setThemeChoice(v)}
          >
            <DropdownMenu.GroupLabel class="menu-group-label">Theme</DropdownMenu.GroupLabel>
            <For each={THEME_CHOICES}>
              {(choice) => (
                <DropdownMenu.RadioItem class="menu-item" value={choice}>
                  <DropdownMenu.ItemLabel>{THEME_LABELS[choice]}</DropdownMenu.ItemLabel>
                  <DropdownMenu.ItemIndicator class="menu-check">✓</DropdownMenu.ItemIndicator>
                </DropdownMenu.RadioItem>
              )}
            </For>
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator class="menu-separator" />
          <DropdownMenu.RadioGroup class="menu-group" value={density()} onChange={(v) => isDensity(v) && setDensity(v)}>
            <DropdownMenu.GroupLabel class="menu-group-label">Density</DropdownMenu.GroupLabel>
            <For each={DENSITIES}>
              {(choice) => (
                <DropdownMenu.RadioItem class="menu-item" value={choice}>
                  <DropdownMenu.ItemLabel>{DENSITY_LABELS[choice]}</DropdownMenu.ItemLabel>
                  <DropdownMenu.ItemIndicator class="menu-check">✓</DropdownMenu.ItemIndicator>
                </DropdownMenu.RadioItem>
              )}
            </For>
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu>
  );
}
