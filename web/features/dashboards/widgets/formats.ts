import { createSignal } from 'solid-js';
import { type Formats, formatsFor } from '../../../../shared/formats.ts';

/**
 * The formats of the organization whose dashboard is on screen (its locale
 * and currency): the dashboard page sets them from the working organization,
 * a wall screen from the organization its link belongs to. One dashboard is
 * on screen at a time, so one signal serves every widget and stays reactive.
 */
const [active, setActive] = createSignal<Formats>(formatsFor());
export const setWidgetFormats = (f: Formats) => setActive(() => f);

export const withUnit = (n: number, unit: string) => active().quantity(n, unit);
export const formatNumber = (n: number) => active().number(n);
export const formatDate = (ms: number) => active().date(ms);
export const formatDateTime = (ms: number) => active().dateTime(ms);
export const formatPercent = (p: number | null | undefined) => active().percent(p);
export const formatUtcDate = (ms: number) => active().day(ms);
