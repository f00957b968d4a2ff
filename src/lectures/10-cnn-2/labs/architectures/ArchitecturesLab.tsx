import { useCallback, useMemo } from 'react';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { ArchTable } from '../../../../ml/architectures';
import { createArchEngine, walkSteps, type ArchView } from './engine';
import { LayerTable } from './LayerTable';
import { ARCH_PARAMS } from './params';
import { ShapeFigure } from './ShapeFigure';
import { fmtInt, fmtShort } from './tableExport';
import { TopKTable } from './TopKTable';
import './architectures.css';

export const architecturesLab: LabDefinition<typeof ARCH_PARAMS, ArchView> = {
  id: 'architectures',
  title: 'Classic architectures',
  lecture: '10-cnn-2',
  schema: ARCH_PARAMS,
  // The engine is a few kB of counting (no tfjs), loaded with the lab's own chunk.
  engine: () => Promise.resolve(createArchEngine),
  needsTf: false,
  lossKeys: [],
  maxSteps: walkSteps,
  stepsPerFrame: 1,
  playOnChange: false,
  viewOnly: ['detail'],
  fileTag: (p) => `${p.net}${p.side ? `-side${p.side}` : ''}${p.net.startsWith('resnet') ? `-${p.shortcut}${p.bn ? '-bn' : '-nobn'}` : ''}`,
};

/** One short line on how the notes' figure relates to the count computed here. */
function notesLine(t: ArchTable): string {
  const id = t.net.id;
  const custom = t.input.h !== t.net.input.h ? ` (at the network’s own ${t.net.input.h}×${t.net.input.h} input)` : '';
  switch (id) {
    case 'lenet5':
      return `The notes say ≈60k${custom}: this modern reading (C3 sees all six maps, a 10-way fc output) has 61,706; the 1998 original, with a sparsely connected C3 and an RBF output, had about 60k.`;
    case 'alexnet':
      return `The notes’ ≈60M is the original two-GPU AlexNet (conv2, conv4, conv5 split into groups = 2): 60,965,224; one stream without grouping has 62,378,344${custom}. Local response normalisation and dropout have no parameters.`;
    case 'alexnet2gpu':
      return `This is the notes’ ≈60M: conv2, conv4 and conv5 see only their own GPU’s half of the channels (groups = 2)${custom}; without the split AlexNet has 62,378,344.`;
    case 'vgg16':
      return `Matches the notes’ 138M${custom}: 138,357,544 weights and biases, 89 % of them in the three fc layers.`;
    case 'resnet152':
      return `Matches the notes’ 60M (60,192,808 with projection shortcuts and BN γ, β, as in torchvision).`;
    default:
      return `The notes give no count for ${t.net.name}; torchvision’s, with projection shortcuts and BN γ, β, is the one computed here with the defaults.`;
  }
}

function Totals({ t }: { t: ArchTable }) {
  const { totals } = t;
  const notes = t.net.notes;
  const diff = Number.isFinite(notes.value) ? ` · the notes: ≈${notes.label} (${totals.params >= notes.value ? '+' : '−'}${(Math.abs(totals.params / notes.value - 1) * 100).toFixed(1)} %)` : '';
  return (
    <p className="wide architectures-totals" data-testid="architectures-totals" role="status">
      <strong>{t.net.name}</strong> on a {t.input.h}×{t.input.w}×{t.input.c} input: <strong>{fmtInt(totals.params)}</strong> parameters ({fmtShort(totals.params)}) ·{' '}
      <strong>{fmtShort(totals.macs)}</strong> multiply-adds per image · {totals.weightLayers} weight layers{diff}
    </p>
  );
}

export function ArchitecturesLab() {
  const h = useLab(architecturesLab);
  const { view, params: p } = h;
  const fileBase = `lecture10-architectures-${architecturesLab.fileTag(p)}`;
  const setParams = h.lab.setParams;
  const setTruth = useCallback((i: number, cls: number) => {
    const next = [...p.truth];
    next[i] = cls;
    setParams({ truth: next });
  }, [p.truth, setParams]);
  const table = view?.table;
  const walk = view?.walk ?? 0;
  const current = useMemo(() => (table?.ok && walk > 0 ? table.rows[table.top[walk]] : null), [table, walk]);
  const prev = table?.ok && walk > 0 ? table.rows[table.top[walk - 1]] : null;
  return (
    <LabFrame
      handle={h}
      stepLabel="layer"
      controls={['net', 'side', 'bn', 'shortcut', 'detail']}
      intro={
        <p>
          Each network is written down as a list of layers; the shapes, parameters and multiply-adds below are <em>computed</em> from that list.
          Step (or Play) walks an image through the network one layer or residual stage at a time.
        </p>
      }
    >
      {view && table ? (
        <>
          {table.ok ? (
            <>
              <Totals t={table} />
              <p className="wide muted architectures-notes" data-testid="architectures-notes">{notesLine(table)}</p>
              {current && prev ? (
                <p className="wide architectures-walk" data-testid="architectures-walk" aria-live="polite">
                  Layer {walk} of {table.top.length - 1}: <strong>{current.name}</strong> ({current.desc}) turns {prev.out.h}×{prev.out.w}×{prev.out.c} into{' '}
                  {current.out.h}×{current.out.w}×{current.out.c} with {fmtInt(current.params)} parameters.
                </p>
              ) : null}
              <ShapeFigure table={table} walk={walk} fileBase={fileBase} />
              <LayerTable table={table} detail={p.detail} current={current?.id ?? null} fileBase={fileBase} />
              <div className="panel wide architectures-formulas">
                <h4>How each row is counted</h4>
                <Tex display math={'H_{\\text{out}} = \\left\\lfloor \\frac{H + 2p - k}{s} \\right\\rfloor + 1'} />
                <Tex display math={'P_{\\text{conv}} = k^2 \\cdot \\frac{C_{\\text{in}}}{g} \\cdot C_{\\text{out}} + C_{\\text{out}}, \\qquad M_{\\text{conv}} = H_{\\text{out}} W_{\\text{out}} \\cdot C_{\\text{out}} \\cdot k^2 \\frac{C_{\\text{in}}}{g}'} />
                <Tex display math={'P_{\\text{fc}} = n_{\\text{in}} n_{\\text{out}} + n_{\\text{out}}, \\qquad M_{\\text{fc}} = n_{\\text{in}} n_{\\text{out}}'} />
                <p className="muted"><Tex math="P" />: parameters, <Tex math="M" />: multiply-adds per image, <Tex math="g" />: groups (1 except in AlexNet’s two-GPU split), <Tex math="s" />: stride, <Tex math="p" />: padding.</p>
                <p className="muted">
                  Batch norm adds <Tex math="2C" /> (<Tex math="\gamma, \beta" />) when counted; ResNet convs have no bias. Pooling, activations, BN and the
                  residual sums are not counted as multiply-adds. The bottleneck strides its 3×3 conv (torchvision’s ResNet “v1.5”); the paper strided the first
                  1×1, same parameters, fewer multiply-adds (3.8G for ResNet-50).
                </p>
              </div>
            </>
          ) : (
            <div className="wide notice danger" role="alert" data-testid="architectures-error"><p>{table.error}</p><p>Raise the input side, or set it to 0 for the network’s own.</p></div>
          )}
          <TopKTable topk={view.topk} setTruth={setTruth} fileBase={fileBase} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
