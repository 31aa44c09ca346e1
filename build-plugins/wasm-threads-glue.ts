// Makes tfjs-backend-wasm's threaded build survive minification.
//
// tfjs starts each wasm thread as a blob: worker whose script is the Emscripten glue's factory,
// turned back into source with Function.prototype.toString(). Bundled and minified, that source
// names variables the minifier renamed in the surrounding chunk, and the threads die with
// "ReferenceError: e is not defined". This plugin hands tfjs the same factory with a toString()
// that returns the glue file's original text (imported ?raw, which no minifier touches).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const GLUE = 'tfjs-backend-wasm-threaded-simd.js';
const VIRTUAL = '\0rlhf-wasm-threads-glue';

function glueFile(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return join(dirname(pkg), 'wasm-out', GLUE).split('\\').join('/');
}

export function wasmThreadsGluePlugin(): Plugin {
  const file = glueFile();
  return {
    name: 'rlhf-wasm-threads-glue',
    enforce: 'pre',
    resolveId(id, importer) {
      // Only tfjs's own import is swapped; the stand-in below imports the real file.
      if (id.endsWith(`wasm-out/${GLUE}`) && importer !== VIRTUAL && importer?.includes('tfjs-backend-wasm')) return VIRTUAL;
      return null;
    },
    load(id) {
      if (id !== VIRTUAL) return null;
      return [
        `import factory from ${JSON.stringify(file)};`,
        `import source from ${JSON.stringify(`${file}?raw`)};`,
        // tfjs writes "var WasmBackendModuleThreadedSimd = " + factory.toString() into the blob.
        'const text = `(() => {\\n${source}\\nreturn WasmBackendModuleThreadedSimd;\\n})()`;',
        'factory.toString = () => text;',
        'export default factory;',
      ].join('\n');
    },
  };
}
