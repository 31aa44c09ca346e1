// Generation from the model in use, a token step at a time under the engine's lock (so training
// interleaves), streaming each step's texts to the page. A new request or a Stop ends the one
// before it between two steps.
import type { LanguageModel } from '../model/language-model';
import { promptContext, sampleStream, validateSampleSettings, type SampleStep } from '../model/sample';
import { EOS } from '../model/tokenizer';
import type { Lock } from '../util/lock';
import { yieldToEventLoop } from '../util/yield-to-event-loop';
import type { FromWorker, GenerateSettings } from './protocol';

export interface GenerationContext {
  lock: Lock;
  post: (msg: FromWorker) => void;
  current: () => { model: LanguageModel };
}

/** Most samples one request may ask for. */
export const MAX_SAMPLES = 16;

export class GenerationHost {
  private running = { stopped: true, done: Promise.resolve() };

  constructor(private readonly ctx: GenerationContext) {}

  /** Ends the generation under way after its current step; resolves when it has ended. */
  stop(): Promise<void> {
    this.running.stopped = true;
    return this.running.done;
  }

  async generate(requestId: number, prompt: string, s: GenerateSettings): Promise<void> {
    validateSampleSettings(s);
    if (!Number.isInteger(s.n) || s.n < 1 || s.n > MAX_SAMPLES) throw new Error(`Expected 1..${MAX_SAMPLES} samples, but got ${s.n}`);
    await this.stop();
    let finish = () => {};
    const mine = { stopped: false, done: new Promise<void>((r) => (finish = r)) };
    this.running = mine;
    const { lock, post } = this.ctx;
    try {
      const m = this.ctx.current().model;
      const stream = sampleStream(m, promptContext(m, prompt), s.n, s);
      const t0 = performance.now();
      let texts: string[] = [];
      let tokens = 0;
      let last: SampleStep | undefined;
      while (!mine.stopped) {
        await yieldToEventLoop(); // lets a Stop message in
        const next = await lock.run(() => stream.next());
        if (next.done) break;
        last = next.value;
        tokens = last.tokens.reduce((sum, ids) => sum + ids.length, 0);
        texts = last.tokens.map((ids) => m.tokenizer.decode(ids.filter((id) => id !== EOS)));
        post({ type: 'generate/progress', requestId, texts, tokens });
      }
      await stream.return(undefined); // frees the KV cache when stopped early
      const seconds = (performance.now() - t0) / 1000;
      const pieces = (last?.tokens ?? []).map((ids, b) => ids.map((id, t) => ({ id, text: m.tokenizer.tokenText(id), p: last!.probs[b][t] })));
      post({ type: 'generate/done', requestId, texts, tokens, tokensPerSecond: tokens / Math.max(seconds, 1e-3), pieces });
    } finally {
      finish();
    }
  }
}
