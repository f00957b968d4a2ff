import { NETWORK_IDS, type NetworkId } from '../../../../ml/architectures';
import { defineParams, select } from '../../../../params/schema';

/** Classes the toy predictions use (a few ImageNet class names). */
export const TOY_CLASSES = [
  'tabby cat', 'tiger cat', 'Egyptian cat', 'lynx', 'Persian cat',
  'espresso', 'cup', 'coffee mug', 'eggnog', 'chocolate sauce',
  'reflex camera', 'Polaroid camera', 'lens cap', 'tripod', 'binoculars',
  'Eskimo dog', 'Siberian husky', 'malamute', 'timber wolf', 'dingo',
  'sports car', 'convertible', 'racer', 'car wheel', 'grille',
  'speedboat', 'lifeboat', 'fireboat', 'yacht', 'gondola', 'canoe',
] as const;

const id = (name: (typeof TOY_CLASSES)[number]) => TOY_CLASSES.indexOf(name);

/** Six images and the model's five most probable classes for each, most probable first. */
export const TOY_IMAGES: readonly { name: string; ranked: readonly number[] }[] = [
  { name: '1: a cat', ranked: [id('tabby cat'), id('tiger cat'), id('Egyptian cat'), id('lynx'), id('Persian cat')] },
  { name: '2: a coffee', ranked: [id('espresso'), id('cup'), id('coffee mug'), id('eggnog'), id('chocolate sauce')] },
  { name: '3: a camera', ranked: [id('reflex camera'), id('Polaroid camera'), id('lens cap'), id('tripod'), id('binoculars')] },
  { name: '4: a dog', ranked: [id('Eskimo dog'), id('Siberian husky'), id('malamute'), id('timber wolf'), id('dingo')] },
  { name: '5: a car', ranked: [id('sports car'), id('convertible'), id('racer'), id('car wheel'), id('grille')] },
  { name: '6: a boat', ranked: [id('speedboat'), id('lifeboat'), id('fireboat'), id('yacht'), id('gondola')] },
];

/** Default labels: right at rank 1 (images 1, 3, 5), at rank 2 (2, 4), not in the top 5 (6). */
export const DEFAULT_TRUTH = [id('tabby cat'), id('cup'), id('reflex camera'), id('Siberian husky'), id('sports car'), id('canoe')];

const NET_LABELS: Record<NetworkId, string> = {
  lenet5: 'LeNet-5 (1998)',
  alexnet: 'AlexNet (2012), one GPU',
  alexnet2gpu: 'AlexNet, original two-GPU grouping',
  vgg16: 'VGG-16 (2014)',
  resnet18: 'ResNet-18 (2015)',
  resnet34: 'ResNet-34',
  resnet50: 'ResNet-50',
  resnet101: 'ResNet-101',
  resnet152: 'ResNet-152',
};

export const ARCH_PARAMS = defineParams({
  net: select({ label: 'Network', urlKey: 'net', options: NETWORK_IDS, default: 'vgg16', optionLabels: NET_LABELS }),
  side: {
    kind: 'number', label: 'Input side H = W (0 = the network’s own)', urlKey: 'side', min: 0, max: 512, step: 1, default: 0,
    help: 'LeNet-5 takes 32×32, AlexNet 227×227, VGG and ResNet 224×224. Other sides change the shapes (and VGG’s and AlexNet’s fc6).',
  },
  bn: { kind: 'bool', label: 'Count batch norm γ, β (ResNets)', urlKey: 'bn', default: true, help: 'Two learned numbers per channel; running mean and variance are statistics, not parameters.' },
  shortcut: select({
    label: 'Shortcut when a block changes shape (ResNets)', urlKey: 'sc', options: ['projection', 'zeropad'] as const, default: 'projection',
    optionLabels: { projection: '1×1 conv projection + BN (learned)', zeropad: 'identity with zero padding (no parameters)' },
  }),
  detail: select({
    label: 'Table rows', urlKey: 'rows', options: ['top', 'blocks', 'layers'] as const, default: 'top',
    optionLabels: { top: 'layers and residual stages', blocks: '… and every residual block', layers: '… and every layer inside the blocks' },
  }),
  truth: {
    kind: 'vector', label: 'True classes of the six images', urlKey: 'y', length: TOY_IMAGES.length, min: 0, max: TOY_CLASSES.length - 1, default: DEFAULT_TRUTH,
  },
});
