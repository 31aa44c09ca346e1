// How much this origin stores, of how much, and whether the browser may clear it. Persistence is
// asked for once (navigator.storage.persist(); the answer is remembered, so a browser that prompts
// asks only once); usage is read at start and again after every save the engine reports.
import type { EngineClient } from '../../lib/worker/client';

const ASKED_KEY = 'rlhf-playground/persist-asked';

interface StorageManagerLike {
  estimate(): Promise<{ usage?: number; quota?: number }>;
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

export class StorageState {
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  /** null: not known (no navigator.storage, or not asked yet). */
  persisted = $state<boolean | null>(null);
  readonly supported: boolean;
  private readonly storage: StorageManagerLike | undefined;

  constructor(client: EngineClient, storage: StorageManagerLike | undefined = navigator.storage) {
    this.storage = storage;
    this.supported = storage !== undefined;
    for (const type of ['checkpoint/saved', 'reward/model', 'rl/round'] as const) client.on(type, () => void this.refresh());
    void this.askPersistence().then(() => this.refresh());
  }

  private async askPersistence(): Promise<void> {
    const s = this.storage;
    if (!s) return;
    try {
      this.persisted = (await s.persisted?.()) ?? null;
      if (this.persisted || localStorage.getItem(ASKED_KEY) !== null || !s.persist) return;
      this.persisted = await s.persist();
      localStorage.setItem(ASKED_KEY, String(this.persisted));
    } catch {
      // Private windows and some embeds refuse: usage still shows.
    }
  }

  async refresh(): Promise<void> {
    if (!this.storage) return;
    try {
      const { usage, quota } = await this.storage.estimate();
      this.usage = usage ?? null;
      this.quota = quota ?? null;
    } catch {
      this.usage = this.quota = null;
    }
  }
}
