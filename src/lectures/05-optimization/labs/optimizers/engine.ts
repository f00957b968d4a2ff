/**
 * The optimizer lab's engine: one step moves every enabled optimizer by one iteration on the chosen
 * surface. Plain TypeScript on numbers (no tfjs); trajectories and state readouts go to the view.
 */
import type { Vec2 } from '../../../../ml/optim/rules';
import { clampStart, keepInDomain, makeSurface, type SurfaceId } from '../../../../ml/optim/surfaces';
import type { LabEngine } from '../../../../labs/types';
import { enabledOptimizers, type OptimizerId, type OptParams } from './params';
import { createRunner, type Runner, type StateReadout } from './runners';

/** Added to f − f_min so the log-scaled loss chart can show an exact minimum. */
export const LOSS_FLOOR = 1e-12;
/** The loss gap f − f_min at which an optimizer counts as having arrived (for `reach_<id>`). */
export const REACH_GAP = 1e-6;
/** Beyond this distance from the origin an optimizer counts as diverged and stops. */
const BLOW_UP = 1e6;

export interface Track {
  id: OptimizerId;
  points: Vec2[];
  /** Step at which the optimizer blew up and was stopped, or null. */
  divergedAt: number | null;
  /** First iteration with f − f_min ≤ REACH_GAP, or null. */
  reachedAt: number | null;
  readout: StateReadout;
  k: number;
}

export interface OptView {
  surface: SurfaceId;
  kappa: number;
  step: number;
  tracks: Track[];
}

interface Live { runner: Runner; points: Vec2[]; divergedAt: number | null; reachedAt: number | null }

export function createOptimizersEngine(p: OptParams): LabEngine<OptView> {
  const surface = makeSurface(p.surface, { condition: p.kappa });
  const start = clampStart(surface, p.x0, p.y0);
  const live: Live[] = enabledOptimizers(p).map((id) => ({ runner: createRunner(id, p, start), points: [start], divergedAt: null, reachedAt: null }));
  let step = 0;
  const lossOf = (t: Vec2) => surface.f(t[0], t[1]) - surface.fMin + LOSS_FLOOR;
  return {
    step() {
      step++;
      for (const l of live) {
        if (l.divergedAt !== null) continue;
        l.runner.step(surface);
        const t = keepInDomain(surface, l.runner.state.theta);
        l.runner.setTheta(t);
        if (!(Math.hypot(t[0], t[1]) < BLOW_UP) || !Number.isFinite(surface.f(t[0], t[1]))) {
          l.divergedAt = step;
          l.runner.setTheta(l.points[l.points.length - 1]);
          continue;
        }
        l.points.push(t);
        if (l.reachedAt === null && surface.f(t[0], t[1]) - surface.fMin <= REACH_GAP) l.reachedAt = step;
      }
    },
    read(withView) {
      const metrics: Record<string, number> = {};
      for (const l of live) {
        const t = l.runner.state.theta;
        metrics[`loss_${l.runner.id}`] = lossOf(t);
        metrics[`x_${l.runner.id}`] = t[0];
        metrics[`y_${l.runner.id}`] = t[1];
        metrics[`diverged_${l.runner.id}`] = l.divergedAt === null ? 0 : 1;
        metrics[`reach_${l.runner.id}`] = l.reachedAt ?? -1;
      }
      if (!withView) return { metrics };
      const tracks = live.map((l): Track => ({
        id: l.runner.id, points: l.points.slice(), divergedAt: l.divergedAt, reachedAt: l.reachedAt, readout: l.runner.readout(), k: l.runner.state.k,
      }));
      return { metrics, view: { surface: surface.id, kappa: p.kappa, step, tracks } };
    },
    dispose() {
      live.length = 0;
    },
  };
}
