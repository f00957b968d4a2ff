import { describe, expect, it } from 'vitest';
import { earlyStopOnCurve, earlyStopState, earlyStopUpdate } from './earlyStopping';

describe('early stopping rule', () => {
  const curve = [5, 4, 3, 3.5, 3.2, 3.1, 3.05, 4, 2];

  it('stops `patience` epochs after the best one', () => {
    expect(earlyStopOnCurve(curve, { patience: 3, minDelta: 0 })).toEqual({ best: 3, bestEpoch: 3, wait: 3, stopEpoch: 6 });
    expect(earlyStopOnCurve(curve, { patience: 1, minDelta: 0 })).toMatchObject({ bestEpoch: 3, stopEpoch: 4 });
    expect(earlyStopOnCurve(curve, { patience: 5, minDelta: 0 })).toMatchObject({ bestEpoch: 3, stopEpoch: 8 });
    // Patience 6 waits long enough to see epoch 9's 2: the curve ends without a stop.
    expect(earlyStopOnCurve(curve, { patience: 6, minDelta: 0 })).toMatchObject({ best: 2, bestEpoch: 9, wait: 0, stopEpoch: -1 });
  });

  it('min-delta: small gains do not count as improvements', () => {
    const c = [1.0, 0.97, 0.96, 0.9, 0.89, 0.88];
    expect(earlyStopOnCurve(c, { patience: 2, minDelta: 0.05 })).toMatchObject({ best: 1, bestEpoch: 1, stopEpoch: 3 });
    expect(earlyStopOnCurve(c, { patience: 3, minDelta: 0.05 })).toMatchObject({ best: 0.9, bestEpoch: 4, stopEpoch: -1, wait: 2 });
    expect(earlyStopOnCurve(c, { patience: 2, minDelta: 0 })).toMatchObject({ best: 0.88, bestEpoch: 6, stopEpoch: -1 });
  });

  it('epochs are numbered from firstEpoch; a NaN never improves; the rule is frozen once it fired', () => {
    expect(earlyStopOnCurve([2, NaN, NaN], { patience: 2, minDelta: 0 }, 10)).toMatchObject({ bestEpoch: 10, stopEpoch: 12 });
    const s = earlyStopState();
    const cfg = { patience: 1, minDelta: 0 };
    expect(earlyStopUpdate(s, cfg, 1, 1)).toEqual({ improved: true, stopNow: false });
    expect(earlyStopUpdate(s, cfg, 2, 2)).toEqual({ improved: false, stopNow: true });
    expect(earlyStopUpdate(s, cfg, 3, 0.1)).toEqual({ improved: false, stopNow: false });
    expect(s).toMatchObject({ best: 1, bestEpoch: 1, stopEpoch: 2 });
  });

  it('rejects a bad configuration', () => {
    expect(() => earlyStopOnCurve(curve, { patience: 0, minDelta: 0 })).toThrow(/patience/);
    expect(() => earlyStopOnCurve(curve, { patience: 2.5, minDelta: 0 })).toThrow(/patience/);
    expect(() => earlyStopOnCurve(curve, { patience: 2, minDelta: -1 })).toThrow(/min-delta/);
  });
});
