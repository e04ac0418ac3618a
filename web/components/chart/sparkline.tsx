import { createMemo, Show } from 'solid-js';

export interface SparklineProps {
  /** Values in time order, oldest first. */
  values: readonly number[];
  /** Drawn as a faint dashed line when it falls within the values' range. */
  target?: number;
  /** What the line shows, for assistive tech ("Last 12 values, from 3 to 5.2"). */
  label: string;
  /** Colour hint; the status is always also said in text next to it. */
  tone?: string;
  height?: number;
}

const WIDTH = 100;

/**
 * A tiny trend line as inline SVG: no chart library, so hundreds of cards
 * stay cheap to render and to update when a point lands.
 */
export function Sparkline(props: SparklineProps) {
  const height = () => props.height ?? 36;
  const geometry = createMemo(() => {
    const values = props.values;
    if (values.length < 2) return undefined;
    let min = Math.min(...values);
    let max = Math.max(...values);
    const target = props.target;
    const showTarget = target !== undefined && target >= min - (max - min) * 0.25 && target <= max + (max - min) * 0.25;
    if (showTarget) {
      min = Math.min(min, target);
      max = Math.max(max, target);
    }
    const span = max - min || 1;
    const h = height();
    const y = (v: number) => (h - 2 - ((v - min) / span) * (h - 4)).toFixed(2);
    const step = WIDTH / (values.length - 1);
    const line = values.map((v, i) => `${(i * step).toFixed(2)},${y(v)}`).join(' ');
    return { line, targetY: showTarget ? y(target) : undefined };
  });

  return (
    <Show when={geometry()} fallback={<p class="sparkline-empty">Add a few data points to see the trend.</p>}>
      {(g) => (
        <svg
          class="sparkline"
          viewBox={`0 0 ${WIDTH} ${height()}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={props.label}
          data-tone={props.tone}
          style={{ height: `${height()}px` }}
        >
          <Show when={g().targetY}>
            {(ty) => <line class="sparkline-target" x1="0" x2={WIDTH} y1={ty()} y2={ty()} vector-effect="non-scaling-stroke" />}
          </Show>
          <polyline class="sparkline-line" points={g().line} fill="none" vector-effect="non-scaling-stroke" />
        </svg>
      )}
    </Show>
  );
}
