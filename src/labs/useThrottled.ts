import { useEffect, useRef, useState } from 'react';

/**
 * A value that follows `value` at most every `ms` while `live` (training), and at once otherwise.
 * Recharts costs ~20 ms a render here, so charts fed from a running lab go through this.
 */
export function useThrottled<T>(value: T, live: boolean, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (!live) {
      last.current = performance.now();
      setShown(value);
      return;
    }
    const wait = Math.max(0, last.current + ms - performance.now());
    const t = window.setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => window.clearTimeout(t);
  }, [value, live, ms]);
  return live ? shown : value;
}
