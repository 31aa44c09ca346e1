import { describe, expect, it } from 'vitest';
import { tfjsInPage } from '../../build-plugins/main-thread-guard';
import { importsOf, violation } from '../../scripts/check-layers';

describe('the layer check', () => {
  it('lets imports go down the layers and refuses back-edges, siblings and tfjs outside the model layers', () => {
    expect(violation('src/lib/engine/reward-trainer.ts', '../feedback/judgement-group')).toBeUndefined();
    expect(violation('src/ui/rl/run-panel.svelte', '../../lib/engine/rl-run')).toBeUndefined();
    expect(violation('src/lib/store/db.ts', '../engine/fault-guard')).toMatch(/store\/db.ts \(store\) imports \.\.\/engine\/fault-guard \(engine\): a higher layer/);
    expect(violation('src/lib/feedback/pairs.ts', '../rlhf/kl')).toMatch(/a sibling layer/);
    expect(violation('src/lib/store/db.ts', '@tensorflow/tfjs')).toMatch(/tfjs belongs to/);
    expect(violation('src/lib/model/gpt.ts', '@tensorflow/tfjs')).toBeUndefined();
  });

  it('reads type-only imports and the script blocks of Svelte files', () => {
    expect(importsOf('a.ts', "import type { X } from './x';\nimport { y } from '../y';")).toEqual(['./x', '../y']);
    expect(importsOf('a.svelte', "<script lang=\"ts\">\n  import A from './a.svelte';\n</script>\n<p>import b from 'b'</p>")).toEqual(['./a.svelte']);
  });
});

describe('the main-thread bundle guard', () => {
  it('finds tfjs in chunks the page loads, statically or dynamically, and not in others', () => {
    const tf = '/r/node_modules/@tensorflow/tfjs-core/dist/index.js';
    const chunks = {
      'main.js': { type: 'chunk', facadeModuleId: '/r/index.html', imports: ['shared.js'], dynamicImports: ['lazy.js'], moduleIds: ['/r/src/main.ts'] },
      'shared.js': { type: 'chunk', moduleIds: ['/r/src/lib/util/rng.ts'] },
      'lazy.js': { type: 'chunk', moduleIds: [tf] },
      'bench.js': { type: 'chunk', facadeModuleId: '/r/bench.html', moduleIds: ['/r/node_modules/@tensorflow/tfjs-backend-wasm/x.js'] },
    };
    expect(tfjsInPage(chunks, 'index.html')).toEqual([tf]);
    expect(tfjsInPage({ ...chunks, 'lazy.js': { type: 'chunk', moduleIds: [] } }, 'index.html')).toEqual([]);
  });
});
