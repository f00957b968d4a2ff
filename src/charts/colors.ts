/**
 * Colour palettes for the chart kit.
 *
 * Based on the Okabe–Ito palette (distinguishable under the common colour-vision
 * deficiencies). The lighter Okabe–Ito hues (orange, sky blue, yellow) fall below a
 * 3:1 contrast ratio on white, which makes thin lines hard to see, so the series palette
 * uses slightly darkened variants; every entry here is at least 3:1 against #fff.
 */
export const SERIES_COLORS: readonly string[] = [
  '#0072B2', // blue 5.2:1
  '#D55E00', // vermillion 3.9:1
  '#009E73', // bluish green 3.4:1
  '#CC79A7', // reddish purple 3.1:1
  '#B07800', // darkened orange 3.8:1
  '#2F8FCB', // darkened sky blue 3.6:1
  '#444444', // dark grey instead of pure black, so it reads as a series, not as an axis
  '#8C7A00', // darkened yellow 4.3:1
];

/**
 * Class colours for scatter plots and decision regions. These are used as fills (points
 * get a dark outline, regions are light tints), so the original Okabe–Ito hues are kept.
 */
export const CLASS_COLORS: readonly string[] = ['#0072B2', '#E69F00', '#009E73'];

/** Text and line colours used when a chart is drawn outside the page (canvas, export). */
export const CHART_FG = '#1b1f24'; // 16.6:1 on white
export const CHART_MUTED = '#57606a'; // 6.4:1 on white: tick labels stay above 4.5:1
export const CHART_GRID = '#d0d7de';
export const CHART_AXIS = '#8c959f';

/** Diverging pair (ColorBrewer RdBu ends), safe for red–green colour blindness. */
export const DIVERGING_NEG = '#2166ac';
export const DIVERGING_POS = '#b2182b';

/** Pick a series colour by index, cycling through the palette. */
export function seriesColor(index: number): string {
  const n = SERIES_COLORS.length;
  return SERIES_COLORS[((index % n) + n) % n];
}
