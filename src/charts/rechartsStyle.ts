/**
 * Label props for recharts. Recharts writes label colours as inline styles (default #808080,
 * only 3.9:1 on white), which page CSS cannot override, so the colours are passed here.
 * CSS variables work inside inline styles and are resolved before export.
 */
type LabelPosition = 'insideBottom' | 'insideLeft' | 'insideTopRight' | 'insideTopLeft';

export function axisLabel(value: string, position: LabelPosition, vertical = false) {
  return {
    value,
    position,
    offset: 0,
    angle: vertical ? -90 : 0,
    fill: 'var(--fg-muted, #57606a)',
    fontSize: 12,
    // Rotated labels are anchored at their centre so long names stay on the axis.
    ...(vertical ? { style: { textAnchor: 'middle' as const } } : {}),
  };
}

export function referenceLabel(value: string, position: LabelPosition) {
  return {
    value,
    position,
    fill: 'var(--fg, #1b1f24)',
    fontSize: 11,
    // Halo (stroke in the background colour, painted first) is styled by this class.
    className: 'chart-refline-label',
  };
}
