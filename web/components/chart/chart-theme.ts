import type { Theme } from '../../lib/theme.ts';

/** The chart's colours: the style tokens of web/styles/base.css for the theme in force. */
export interface Palette {
  mode: Theme;
  line: string;
  target: string;
  onTarget: string;
  grid: string;
  text: string;
}

export function readPalette(mode: Theme): Palette {
  const css = getComputedStyle(document.documentElement);
  const token = (name: string) => css.getPropertyValue(name).trim();
  return {
    mode,
    line: token('--accent'),
    target: token('--warning'),
    onTarget: token('--on-warning'),
    grid: token('--chart-grid'),
    text: token('--text-muted'),
  };
}

/**
 * ApexCharts draws its toolbar (zoom, pan, reset) as real buttons inside the
 * plot, which is aria-hidden: focusable controls nobody is told about (axe's
 * aria-hidden-focus). They stay for the pointer; the keyboard has the
 * page's own range buttons. The toolbar is redrawn on zoom, so keep
 * taking its buttons out of the tab order.
 */
export function keepOutOfTabOrder(host: HTMLElement): () => void {
  const apply = () => {
    for (const el of host.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [tabindex]')) {
      if (el.tabIndex !== -1) el.tabIndex = -1;
    }
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(host, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/**
 * The `chart` options every chart of the app shares: the page's font and
 * muted text, a transparent background, no animation, and Apex's own
 * accessibility off (each chart's summary and table speak for it). Zoom and
 * the toolbar are off unless the chart turns them on.
 */
export function baseChart(type: 'line' | 'bar', height: number, colors: Palette): ApexCharts.ApexChart {
  return {
    type,
    height,
    width: '100%',
    fontFamily: 'inherit',
    foreColor: colors.text,
    background: 'transparent',
    animations: { enabled: false },
    zoom: { enabled: false },
    toolbar: { show: false },
    accessibility: { enabled: false },
  };
}
