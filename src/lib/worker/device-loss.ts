// A lost WebGPU device takes every tensor on it: what runs is stopped (its next read fails
// anyway), the next backend is started, and the model in use is loaded again from its checkpoint
// (or the starter). Training since the last save is lost; the message to the page says so.
import type { Lock } from '../util/lock';
import type { ModelSlot } from './model-slot';
import type { BackendChoice, FromWorker } from './protocol';

export interface DeviceLossContext {
  lock: Lock;
  post: (msg: FromWorker) => void;
  slot: ModelSlot;
  /** Stops everything that runs on the device; resolves when all of it has ended. */
  stopAll: () => Promise<void>;
  /** Starts the next backend after the lost one. */
  fallBack: (why: string) => Promise<BackendChoice>;
  /** What to offer back once the model is loaded again (an autosave, the stored reward model). */
  afterReload: () => Promise<void>;
}

export async function recoverFromDeviceLoss(ctx: DeviceLossContext, reason: string): Promise<void> {
  const why = `The GPU was lost (${reason})`;
  await ctx.stopAll();
  try {
    const { backend, name } = await ctx.lock.run(async () => {
      const backend = await ctx.fallBack(why);
      const source = ctx.slot.source();
      const loaded = await ctx.slot.read(source);
      if (typeof source === 'number') ctx.slot.replace(loaded.model, loaded.meta, source);
      else ctx.slot.replace(loaded.model, loaded.meta, undefined, source);
      return { backend, name: loaded.meta.name };
    });
    ctx.post({ type: 'backend/lost', backend, message: `${why}; now running on ${backend.name}. Reloaded "${name}": anything not saved since was lost.` });
    ctx.post({ type: 'model/changed', model: ctx.slot.current().info });
    await ctx.afterReload();
  } catch (e) {
    ctx.post({ type: 'error', context: 'init', message: `${why}: ${(e as Error).message}` });
  }
}
