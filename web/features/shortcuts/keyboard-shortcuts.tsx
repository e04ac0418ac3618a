import { useNavigate } from '@solidjs/router';
import { createSignal, For, onCleanup } from 'solid-js';
import { Modal } from '../../components/modal.tsx';
import { modifierName, SHORTCUTS, shortcutFor } from './shortcuts.ts';

const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether a key press there is someone typing: a text field, a text area, a select, or editable content. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TYPED.has(target.type);
}

const onMac = () => /mac|iphone|ipad/i.test(navigator.platform || navigator.userAgent);

/**
 * The form Ctrl+S saves: the one being typed in, else the one in an open
 * dialog, else the page's only form. Submitted as its Save button would
 * (requestSubmit: its checks and handlers run as usual).
 */
function saveOpenForm(): boolean {
  const focused = document.activeElement?.closest('form');
  const inDialog = document.querySelector('[role="dialog"] form');
  const onPage = document.querySelectorAll('#main form');
  const form = focused ?? inDialog ?? (onPage.length === 1 ? onPage[0] : null);
  if (!(form instanceof HTMLFormElement)) return false;
  form.requestSubmit();
  return true;
}

/**
 * The keyboard shortcuts (shortcuts.ts) on every workspace page, and their
 * help: a "Shortcuts" button in the header and Ctrl+/ open the list.
 */
export function KeyboardShortcuts() {
  const navigate = useNavigate();
  const [open, setOpen] = createSignal(false);
  const mac = onMac();
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    const found = shortcutFor(e, { mac, inField: typingIn(e.target) });
    if (!found) return;
    // An open dialog (a form half filled in) is never left by a navigation key; its own keys still work.
    if (found.action.kind === 'go' && document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
    // Taken even when there is nothing to save: the browser's "save page" is never what was meant.
    e.preventDefault();
    const action = found.action;
    if (action.kind === 'help') setOpen(true);
    else if (action.kind === 'save') saveOpenForm();
    else {
      setOpen(false);
      navigate(action.path);
    }
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));

  return (
    <Modal
      open={open()}
      onOpenChange={setOpen}
      title="Keyboard shortcuts"
      trigger={{ label: 'Shortcuts', class: 'button button-ghost button-small', ariaLabel: 'Keyboard shortcuts' }}
    >
      <table class="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          <For each={SHORTCUTS}>
            {(s) => (
              <tr>
                <td>
                  <kbd>{modifierName(mac)}</kbd>+<kbd>{s.key.toUpperCase()}</kbd>
                </td>
                <td>{s.does}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p class="panel-hint">
        While you type in a field, {modifierName(mac)}+D, E and K keep the meaning they have there; {modifierName(mac)}+S saves
        the form you are in.
      </p>
    </Modal>
  );
}
