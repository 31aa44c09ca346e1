// The README.md that travels in an exported Hugging Face folder: what each file is, how to load
// it, and what the extra heads are, so a student who downloads it can use it without this app.
import type { Checkpoint } from './checkpoint-format';
import { countParameters, rewardReadoutOf } from './config';
import { BOS, EOS, PAD, SPECIAL_TOKEN_NAMES } from './special-tokens';

export function hfExportReadme(ck: Checkpoint): string {
  const c = ck.config;
  const [pad, bos, eos] = [SPECIAL_TOKEN_NAMES[PAD], SPECIAL_TOKEN_NAMES[BOS], SPECIAL_TOKEN_NAMES[EOS]];
  const readout = rewardReadoutOf(c);
  return `# ${ck.meta.name}

A GPT-2-architecture language model exported from rlhf-playground (kind: ${ck.meta.kind}, made ${ck.meta.createdAt}).
${c.nLayer} layers, width ${c.nEmbd}, ${c.nHead} heads, a context of ${c.blockSize} tokens, a byte-level BPE
vocabulary of ${c.vocabSize.toLocaleString('en')} tokens; ${countParameters(c).toLocaleString('en')} parameters with the two heads below.

\`\`\`python
from transformers import AutoTokenizer, GPT2LMHeadModel
tok = AutoTokenizer.from_pretrained("this-folder")
model = GPT2LMHeadModel.from_pretrained("this-folder")
ids = tok("Once upon a time", return_tensors="pt").input_ids   # starts with ${bos} (id ${BOS})
out = model.generate(ids, max_new_tokens=50, do_sample=True)
print(tok.decode(out[0], skip_special_tokens=True))
\`\`\`

## Files

| file | what it is |
|---|---|
| \`config.json\` | GPT2Config: \`model_type\` gpt2, \`GPT2LMHeadModel\`, GELU tanh approximation (\`gelu_new\`), LayerNorm epsilon 1e-5, tied embeddings, no dropout (the app trains without it). \`rlhf_playground\` holds the app's own metadata so that importing the folder back loses nothing; transformers ignores it. |
| \`generation_config.json\` | the special token ids for \`generate\` |
| \`model.safetensors\` | the weights, float32, under GPT2LMHeadModel's names (\`transformer.h.0.attn.c_attn.weight\`, ...). Linear weights are Conv1D, (in, out). There is no \`lm_head.weight\`: the output layer is the token embedding (\`transformer.wte.weight\`), as transformers saves GPT-2. |
| \`vocab.json\`, \`merges.txt\` | the tokenizer for GPT2Tokenizer: token -> id, and the merges in rank order |
| \`tokenizer.json\` | the same tokenizer for the \`tokenizers\` library (GPT2TokenizerFast) |
| \`tokenizer_config.json\`, \`special_tokens_map.json\` | which tokens are special, and that ${bos} starts every text |
| \`heads.safetensors\` | the value and reward heads (below); not read by transformers |
| \`README.md\` | this file |

## Token ids

Ids 0, 1, 2 are ${pad} (padding), ${bos} (start of a text) and ${eos} (end of a text); ids 3-258 are the
256 bytes in byte order; then one id per merge, in rank order. This is not GPT-2's own numbering (which
has no ${pad} or ${bos} and puts ${eos} last), so this model's token ids do not mean what gpt2's do.
The model was trained on texts that start with ${bos} and end with ${eos}: give it ${bos} first (the
tokenizer files above do), and stop generating at ${eos} (generation_config.json says so).

## Heads (heads.safetensors)

Two scalar heads read the final LayerNorm's output h (width ${c.nEmbd}), each stored in nn.Linear(${c.nEmbd}, 1)'s layout:

- \`value_head.weight\` (1, ${c.nEmbd}), \`value_head.bias\` (1): PPO's critic, value(t) = h(t) · w + b, an estimate of the return from position t.
- \`reward_head.weight\` (1, ${c.nEmbd}), \`reward_head.bias\` (1): the reward model's head, r(t) = h(t) · w + b. A sequence
  (${bos}, prompt, completion, ${eos}) is scored ${readoutText(readout)}.
  This checkpoint's readout: \`${readout}\` (also in the file's metadata, \`reward_readout\`).

In a checkpoint that is not a value or reward model these heads may be untrained (all zero).
`;
}

function readoutText(readout: string): string {
  if (readout === 'eos') return `at its ${SPECIAL_TOKEN_NAMES[EOS]}: r(last position)`;
  if (readout === 'mean') return `as the mean of r over the completion's positions and its ${SPECIAL_TOKEN_NAMES[EOS]}`;
  return `as r at its ${SPECIAL_TOKEN_NAMES[EOS]} plus the mean of r over the completion's positions and its ${SPECIAL_TOKEN_NAMES[EOS]}`;
}
