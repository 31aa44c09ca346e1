// PPO-ptx's documents for an RL run: the bundled corpus's paragraphs, or each stored
// demonstration's prompt and response as one text (edits on the labeling screen included).
import { corpusDocuments } from '../engine/pretraining';
import type { PtxTextSource } from '../engine/ppo-config';
import { demonstrationDocuments } from '../engine/ptx';
import { getDB } from '../store/db';
import { listDemonstrations } from '../store/demonstrations';

/** Refused when the source has none; undefined when there is no corpus to read (tests without one). */
export async function ptxDocuments(source: PtxTextSource, corpusText?: () => Promise<string>): Promise<string[] | undefined> {
  if (source === 'demonstrations') {
    const demos = await listDemonstrations(getDB());
    if (!demos.length) {
      throw new Error('PPO-ptx is set to train on demonstrations, but there are none yet: write some under "Demonstrations (SFT)" on the Language model tab, or mix in the corpus instead');
    }
    return demonstrationDocuments(demos);
  }
  const text = await corpusText?.();
  return text === undefined ? undefined : corpusDocuments(text);
}
