// An independent GPT-2 forward pass, written from the published architecture (Radford et al.
// 2019; transformers' GPT2LMHeadModel), in plain JS and Float64, for the tests. It reads a Hugging
// Face folder's config.json and model.safetensors by GPT-2's tensor names, with its own small
// safetensors reader (float32 only) and none of the app's model code:
//
//   x = wte[ids] + wpe[positions]
//   per block: x += c_proj(attention(ln_1(x)));  x += mlp.c_proj(gelu_new(mlp.c_fc(ln_2(x))))
//   logits = ln_f(x) @ wte^T          (Conv1D: y = x @ W + b, W is (in, out))

export interface RefTensor { shape: number[]; data: Float32Array }

/** model.safetensors' float32 tensors by name (8-byte LE header length, JSON header, data). */
export function readF32Safetensors(bytes: Uint8Array): Map<string, RefTensor> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Number(view.getBigUint64(0, true));
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n))) as Record<string, any>;
  const out = new Map<string, RefTensor>();
  for (const [name, e] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    if (e.dtype !== 'F32') throw new Error(`reference reader: ${name} is ${e.dtype}`);
    const [b, end] = e.data_offsets as [number, number];
    out.set(name, { shape: e.shape, data: new Float32Array(bytes.slice(8 + n + b, 8 + n + end).buffer) });
  }
  return out;
}

export interface ReferenceGpt2 {
  vocabSize: number;
  /** Logits (T rows of V) for one sequence of ids. */
  logits(ids: number[]): Float64Array[];
}

export function referenceGpt2(files: ReadonlyMap<string, Uint8Array>): ReferenceGpt2 {
  const cfg = JSON.parse(new TextDecoder().decode(files.get('config.json')!));
  const tensors = readF32Safetensors(files.get('model.safetensors')!);
  const prefix = tensors.has('transformer.wte.weight') ? 'transformer.' : '';
  const get = (name: string) => {
    const t = tensors.get(prefix + name);
    if (!t) throw new Error(`reference: no tensor ${prefix + name}`);
    return t.data;
  };
  const C: number = cfg.n_embd;
  const H: number = cfg.n_head;
  const eps: number = cfg.layer_norm_epsilon;
  const wte = get('wte.weight');
  const wpe = get('wpe.weight');
  const V = wte.length / C;

  const layerNorm = (x: Float64Array, g: Float32Array, b: Float32Array) => {
    let mean = 0;
    for (let i = 0; i < C; i++) mean += x[i];
    mean /= C;
    let v = 0;
    for (let i = 0; i < C; i++) v += (x[i] - mean) ** 2;
    v /= C;
    const out = new Float64Array(C);
    for (let i = 0; i < C; i++) out[i] = ((x[i] - mean) / Math.sqrt(v + eps)) * g[i] + b[i];
    return out;
  };
  const conv1d = (x: Float64Array, w: Float32Array, b: Float32Array) => {
    const nOut = b.length;
    const y = Float64Array.from(b);
    for (let i = 0; i < x.length; i++) for (let o = 0; o < nOut; o++) y[o] += x[i] * w[i * nOut + o];
    return y;
  };
  const geluNew = (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));

  return {
    vocabSize: V,
    logits(ids) {
      const T = ids.length;
      let xs = ids.map((id, t) => {
        const x = new Float64Array(C);
        for (let i = 0; i < C; i++) x[i] = wte[id * C + i] + wpe[t * C + i];
        return x;
      });
      for (let l = 0; l < cfg.n_layer; l++) {
        const p = (n: string) => get(`h.${l}.${n}`);
        const qkv = xs.map((x) => conv1d(layerNorm(x, p('ln_1.weight'), p('ln_1.bias')), p('attn.c_attn.weight'), p('attn.c_attn.bias')));
        const hs = C / H;
        const merged = xs.map(() => new Float64Array(C));
        for (let h = 0; h < H; h++) {
          for (let t = 0; t < T; t++) {
            const scores = new Float64Array(t + 1);
            for (let s = 0; s <= t; s++) {
              let dot = 0;
              for (let i = 0; i < hs; i++) dot += qkv[t][h * hs + i] * qkv[s][C + h * hs + i];
              scores[s] = dot / Math.sqrt(hs);
            }
            const max = Math.max(...scores);
            let sum = 0;
            for (let s = 0; s <= t; s++) sum += scores[s] = Math.exp(scores[s] - max);
            for (let s = 0; s <= t; s++) for (let i = 0; i < hs; i++) merged[t][h * hs + i] += (scores[s] / sum) * qkv[s][2 * C + h * hs + i];
          }
        }
        xs = xs.map((x, t) => {
          const att = conv1d(merged[t], p('attn.c_proj.weight'), p('attn.c_proj.bias'));
          const r = x.map((v, i) => v + att[i]);
          const hidden = conv1d(layerNorm(r, p('ln_2.weight'), p('ln_2.bias')), p('mlp.c_fc.weight'), p('mlp.c_fc.bias')).map(geluNew);
          const m = conv1d(hidden, p('mlp.c_proj.weight'), p('mlp.c_proj.bias'));
          return r.map((v, i) => v + m[i]);
        });
      }
      return xs.map((x) => {
        const f = layerNorm(x, get('ln_f.weight'), get('ln_f.bias'));
        const row = new Float64Array(V);
        for (let v = 0; v < V; v++) {
          let dot = 0;
          for (let i = 0; i < C; i++) dot += f[i] * wte[v * C + i];
          row[v] = dot;
        }
        return row;
      });
    },
  };
}
