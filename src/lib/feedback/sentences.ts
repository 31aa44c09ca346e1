// Splitting a story into sentences the way a reader would, dialogue included: `"Where is it?" Tom
// asked.` is one sentence, not two, because the quote is followed by who said it. Model samples
// are often cut mid-sentence, so a trailing fragment without an end mark is a sentence too.

/** Titles whose full stop does not end a sentence ("Mr. Brown"). */
const ABBREVIATION = /\b(mr|mrs|ms|dr|st|mt|prof|sr|jr|vs|etc)\.$/i;

/** Verbs that say who spoke after a quote: `"Hooray!" cried Tom.` / `"Hooray!" Tom cried.` */
const SPEECH_VERBS = new Set([
  'said', 'says', 'asked', 'asks', 'cried', 'shouted', 'replied', 'called', 'whispered', 'yelled', 'answered', 'added',
  'exclaimed', 'laughed', 'sang', 'sobbed', 'giggled', 'screamed', 'begged', 'wondered', 'sighed', 'squeaked',
  'explained', 'told', 'thought', 'muttered', 'mumbled', 'gasped', 'cheered', 'barked', 'roared', 'agreed', 'promised',
]);

const OPEN_QUOTE = /["“]/;
const CLOSERS = /["”’')\]]/;

/** Whether the words after a closing quote carry on its sentence: `" she said`, `" Tom asked`. */
function continuesQuote(rest: string): boolean {
  const m = /^\s*([A-Za-z][\w'’.-]*)(?:\s+([A-Za-z][\w'’-]*))?(?:\s+([A-Za-z][\w'’-]*))?/.exec(rest);
  if (!m) return false;
  const [, first, second, third] = m;
  if (/^[a-z]/.test(first)) return true; // "…!" cried Tom / "…," she said
  // "…?" Tom asked / "…" Mr. Brown said / "…" Her dad said
  return [second, third].some((w) => w !== undefined && SPEECH_VERBS.has(w.toLowerCase()));
}

/** The sentences of a text, trimmed, in order; line breaks end sentences too. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuote = false;
  const cut = (end: number) => {
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      cut(i + 1);
      inQuote = false;
      continue;
    }
    if (ch === '"') inQuote = !inQuote;
    else if (ch === '“') inQuote = true;
    else if (ch === '”') inQuote = false;
    if (!/[.!?…]/.test(ch)) continue;
    // The end marks in a row ("?!", "..."), then any closing quotes or brackets.
    let j = i + 1;
    while (j < text.length && /[.!?…]/.test(text[j])) j++;
    let closedQuote = false;
    while (j < text.length && CLOSERS.test(text[j])) {
      if (text[j] === '"' && !inQuote) break; // an opening quote of the next sentence
      if (text[j] === '"' || text[j] === '”') {
        inQuote = false;
        closedQuote = true;
      }
      j++;
    }
    i = j - 1;
    if (j < text.length && !/\s/.test(text[j])) continue; // "3.5", "e.g.x", "Hi!Tom"
    if (ch === '.' && ABBREVIATION.test(text.slice(start, i + 1))) continue;
    const rest = text.slice(j);
    if (closedQuote && continuesQuote(rest)) continue;
    // Outside quotes, a lower-case word after the mark carries on the sentence ("Oh! said Tom").
    if (!closedQuote && /^\s*[a-z]/.test(rest) && !OPEN_QUOTE.test(rest.trimStart()[0] ?? '')) continue;
    cut(j);
  }
  cut(text.length);
  return out;
}
