// A tournament of models (the talk's "chess tournament"): judgements whose completions came from
// different sources (a checkpoint, or the model in use, at a temperature) are games between those
// sources. A ranking gives a game for every pair of its completions from two different sources (a
// tie is half a win each); an A/B judgement one game, "same" a draw. Thumbs, edits and "all bad"
// compare nothing. rlhf/ratings.ts turns the games into ratings.
import type { CompletionSource, Judgement } from './judgement';

/** Player a against player b: a's score, 1 a won, 0.5 a draw, 0 b won (rlhf/ratings.ts's Game). */
export interface Game { a: number; b: number; scoreA: 1 | 0.5 | 0 }

/** A source's name in the ladder: the model and its temperature ("Starter model @ 0.7"). */
export function sourceName(s: CompletionSource): string | undefined {
  return s.kind === 'sample' ? `${s.model} @ ${s.temperature}` : undefined;
}

/** The players (sources met in at least one game) and the games between them, in judgement order. */
export function tournamentGames(judgements: Judgement[]): { players: string[]; games: Game[] } {
  const players: string[] = [];
  const games: Game[] = [];
  const index = (name: string) => {
    const i = players.indexOf(name);
    return i >= 0 ? i : players.push(name) - 1;
  };
  const play = (j: Judgement, x: number, y: number, scoreX: 0 | 0.5 | 1) => {
    const [nx, ny] = [sourceName(j.completions[x].source), sourceName(j.completions[y].source)];
    if (nx === undefined || ny === undefined || nx === ny) return;
    games.push({ a: index(nx), b: index(ny), scoreA: scoreX });
  };
  for (const j of judgements) {
    const f = j.feedback;
    if (f.kind === 'ranking') {
      for (let x = 0; x < f.ranks.length; x++) {
        for (let y = x + 1; y < f.ranks.length; y++) play(j, x, y, f.ranks[x] < f.ranks[y] ? 1 : f.ranks[x] === f.ranks[y] ? 0.5 : 0);
      }
    } else if (f.kind === 'ab') {
      play(j, f.a, f.b, f.better === 'a' ? 1 : f.better === null ? 0.5 : 0);
    }
  }
  return { players, games };
}
