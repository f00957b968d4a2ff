import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { BackpropView } from './engine';
import { num, stageTex } from './explain';
import { GRAD_COLOR, GraphView, VALUE_COLOR } from './GraphView';
import { stageCount } from './graphs';
import { BACKPROP_PARAMS } from './params';

export const backpropLab: LabDefinition<typeof BACKPROP_PARAMS, BackpropView> = {
  id: 'backprop',
  title: 'Step-through back-propagation',
  lecture: '04-backprop',
  schema: BACKPROP_PARAMS,
  engine: () => import('./engine').then((m) => m.createBackpropEngine),
  needsTf: false,
  lossKeys: [],
  playOnChange: false,
  maxSteps: stageCount,
  stepsPerFrame: 1,
  fileTag: (p) => (p.graph === 'arith' ? `arith-x${p.x}-y${p.y}-z${p.z}` : `sigmoid-w${p.w0}_${p.w1}-x${p.x0}_${p.x1}-b${p.b}`),
};

const ARITH_CONTROLS = ['graph', 'x', 'y', 'z'] as const;
const SIGMOID_CONTROLS = ['graph', 'w0', 'x0', 'w1', 'x1', 'b'] as const;

function StagePanel({ view }: { view: BackpropView }) {
  const { spec, stages, done, result } = view;
  const stage = done > 0 ? stages[done - 1] : null;
  const explained = stage ? stageTex(spec, stage, result) : null;
  const inputs = spec.nodes.filter((n) => n.op === 'input');
  return (
    <div className="panel" aria-live="polite">
      <h4>
        Stage {done} of {stages.length}
        {stage ? ` — ${stage.pass === 'forward' ? 'forward pass' : 'backward pass'}` : ' — press Step to begin the forward pass'}
      </h4>
      <Tex display math={spec.formula} />
      {explained ? (
        <>
          <p className="muted">{explained.title}{stage?.pass === 'backward' ? ': upstream gradient times local gradient' : ''}</p>
          {explained.lines.map((l) => <Tex key={l} display math={l} />)}
        </>
      ) : null}
      {done === stages.length ? (
        <p data-testid="bp-result">
          Result: <Tex math={`f = ${num(result.values.f)}`} />
          {inputs.map((n) => <span key={n.id}>, <Tex math={`\\frac{\\partial f}{\\partial ${n.tex}} = ${num(result.grads[n.id])}`} /></span>)}
        </p>
      ) : null}
      <p className="muted">
        <span style={{ color: VALUE_COLOR, fontWeight: 'bold' }}>Green</span>: forward values.{' '}
        <span style={{ color: GRAD_COLOR, fontWeight: 'bold' }}>Red</span>: gradients <Tex math="\partial f/\partial(\cdot)" /> flowing back.
      </p>
    </div>
  );
}

export function BackpropLab() {
  const h = useLab(backpropLab);
  const { view, params: p } = h;
  const fileBase = `lecture04-backprop-${backpropLab.fileTag(p)}`;
  return (
    <LabFrame
      handle={h}
      stepLabel="stage"
      controls={p.graph === 'arith' ? ARITH_CONTROLS : SIGMOID_CONTROLS}
      intro={
        <p>
          Press <strong>Step</strong> to evaluate the graph gate by gate, then to send the gradient back through it one gate at a time.
          Every backward stage multiplies the gradient arriving from above by the gate's local derivative. Changing an input starts
          again from the first stage; Play runs through every stage. Switch the graph to take a sigmoid neuron apart.
        </p>
      }
    >
      {view ? (
        <>
          <GraphView view={view} fileBase={fileBase} />
          <StagePanel view={view} />
        </>
      ) : (
        <p className="loading">Building the graph…</p>
      )}
    </LabFrame>
  );
}
