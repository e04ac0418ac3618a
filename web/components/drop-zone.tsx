import { createSignal, type JSX } from 'solid-js';

export interface DropZoneProps {
  class: string;
  /** Named for assistive technology (the zone is a fieldset: its legend). */
  legend: string;
  disabled?: boolean;
  onFile: (file: File | undefined) => void;
  children: JSX.Element;
}

/** An area that takes a dropped file (the first of them), marked with data-over while one is dragged over it. */
export function DropZone(props: DropZoneProps) {
  const [over, setOver] = createSignal(false);
  return (
    <fieldset
      class={props.class}
      data-over={over() ? '' : undefined}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!props.disabled) props.onFile(e.dataTransfer?.files[0]);
      }}
    >
      <legend class="visually-hidden">{props.legend}</legend>
      {props.children}
    </fieldset>
  );
}
