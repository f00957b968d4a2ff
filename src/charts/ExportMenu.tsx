import { useState } from 'react';
import {
  downloadBlob, exportFileName, svgToPngBlob, type ExportFormat, type ExportSvg,
} from './export';
import './charts.css';

export interface ExportMenuProps {
  /** Chart title, used in the accessible names ("Export <title> as PNG"). */
  title: string;
  /** Caller-supplied base of the file name, e.g. "lecture02-knn-k5-l2-seed1". */
  fileBase: string;
  /** Identifies the chart within the page, e.g. "accuracy-vs-k". */
  chartKey: string;
  /** Standalone SVG of the chart incl. title and legend; also the source of the PNG. */
  getSvg: () => ExportSvg | Promise<ExportSvg>;
  /** The data behind the chart as CSV text. */
  getCsv: () => string;
}

const FORMATS: readonly ExportFormat[] = ['png', 'svg', 'csv'];

async function buildBlob(format: ExportFormat, props: ExportMenuProps): Promise<Blob> {
  if (format === 'csv') return new Blob([props.getCsv()], { type: 'text/csv;charset=utf-8' });
  const { svg, width, height } = await props.getSvg();
  if (format === 'svg') return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
  return svgToPngBlob(svg, width, height, 2);
}

/** PNG / SVG / CSV buttons. The single place where chart export is wired to the UI. */
export function ExportMenu(props: ExportMenuProps) {
  const { title, fileBase, chartKey } = props;
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: ExportFormat) => {
    if (busy) return;
    setBusy(format);
    setError(null);
    try {
      const blob = await buildBlob(format, props);
      downloadBlob(exportFileName(fileBase, chartKey, format), blob);
    } catch (err) {
      setError(`${format.toUpperCase()} export failed${err instanceof Error ? `: ${err.message}` : ''}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="chart-export" role="group" aria-label={`Export ${title}`}>
      <span className="chart-export-label" aria-hidden="true">Export</span>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="chart-export-button"
          aria-label={`Export ${title} as ${format.toUpperCase()}`}
          // aria-disabled rather than disabled: a disabled button drops keyboard focus.
          aria-disabled={busy !== null}
          onClick={() => void run(format)}
        >
          {format.toUpperCase()}
        </button>
      ))}
      {error && <span className="chart-export-error" role="alert">{error}</span>}
    </div>
  );
}
