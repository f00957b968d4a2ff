import type { ReactNode } from 'react';
import { ExportMenu, type ExportMenuProps } from './ExportMenu';
import './charts.css';

export interface ChartFrameProps extends ExportMenuProps {
  children: ReactNode;
  className?: string;
}

/**
 * The common shell of every chart: <figure> with the title as <figcaption> and the
 * export toolbar. The toolbar sits outside the figcaption so the figure's accessible
 * name is just the title, not "title PNG SVG CSV".
 */
export function ChartFrame({ children, className, ...exportProps }: ChartFrameProps) {
  return (
    <figure className={className ? `chart ${className}` : 'chart'}>
      <figcaption className="chart-title">{exportProps.title}</figcaption>
      <div className="chart-toolbar">
        <ExportMenu {...exportProps} />
      </div>
      <div className="chart-body">{children}</div>
    </figure>
  );
}
