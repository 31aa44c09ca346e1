// Judgements as games of a tournament of models: rankings give a game per pair of completions from
// two different sources (ties half each), A/B one game ("same" a draw); others give none.
import { describe, expect, it } from 'vitest';
import type { CompletionRecord, Feedback, Judgement } from '../../src/lib/feedback/judgement';
import { sourceName, tournamentGames } from '../../src/lib/feedback/tournament-games';
import { fitRatings } from '../../src/lib/rlhf/ratings';

const sample = (model: string, temperature: number): CompletionRecord => ({
  text: 'x', ids: [1], source: { kind: 'sample', model, temperature, topK: 0, topP: 1, maxTokens: 8, seed: 1 },
});
const judgement = (completions: CompletionRecord[], feedback: Feedback): Judgement => ({
  createdAt: '2026-01-01T00:00:00.000Z', labeler: 'ana', labelerKind: 'person', prompt: 'p', promptIds: [1], completions, feedback,
});
const [cold, hot, other] = [sample('M', 0.5), sample('M', 1.2), sample('N', 0.5)];

describe('tournament games', () => {
  it('names a sampled source by model and temperature; an edit or an import is no player', () => {
    expect(sourceName(cold.source)).toBe('M @ 0.5');
    expect(sourceName({ kind: 'edit', from: 0 })).toBeUndefined();
    expect(sourceName({ kind: 'import', file: 'f' })).toBeUndefined();
  });

  it('turns a ranking into a game per pair of different sources, a tie half each', () => {
    // ranks: cold 1st, hot 2nd, other tied 1st, a second cold 3rd (same source as the first: no game between them)
    const { players, games } = tournamentGames([judgement([cold, hot, other, cold], { kind: 'ranking', ranks: [1, 2, 1, 3] })]);
    expect(players).toEqual(['M @ 0.5', 'M @ 1.2', 'N @ 0.5']);
    expect(games).toEqual([
      { a: 0, b: 1, scoreA: 1 }, // cold beat hot
      { a: 0, b: 2, scoreA: 0.5 }, // cold tied other
      { a: 1, b: 2, scoreA: 0 }, // hot lost to other
      { a: 1, b: 0, scoreA: 1 }, // hot (2nd) beat the second cold (3rd)
      { a: 2, b: 0, scoreA: 1 }, // other beat the second cold
    ]);
  });

  it('takes A/B as one game ("same" a draw) and nothing from thumbs, edits or all bad', () => {
    const ab = (better: 'a' | 'b' | null): Feedback => ({ kind: 'ab', a: 0, b: 1, better, strength: 'better', margin: 0 });
    const { games } = tournamentGames([
      judgement([cold, hot], ab('b')), judgement([cold, hot], ab(null)),
      judgement([cold, hot], { kind: 'thumbs', index: 0, up: true }), judgement([cold, hot], { kind: 'all-bad' }),
      judgement([cold, hot], { kind: 'edit', original: 0, edited: 1 }),
    ]);
    expect(games).toEqual([{ a: 0, b: 1, scoreA: 0 }, { a: 0, b: 1, scoreA: 0.5 }]);
  });

  it('gives ratings that order the sources as the games do', () => {
    const wins = Array.from({ length: 6 }, () => judgement([cold, hot], { kind: 'ranking', ranks: [1, 2] }));
    const { players, games } = tournamentGames([...wins, judgement([cold, hot], { kind: 'ranking', ranks: [2, 1] })]);
    const [c, h] = fitRatings(players.length, games);
    expect(c.elo).toBeGreaterThan(h.elo);
    expect(c.games).toBe(7);
  });
});
