// The bundled prompt set (openings of held-out paragraphs), fetched once and shared.
let loading: Promise<string[]> | undefined;

export function loadPrompts(): Promise<string[]> {
  loading ??= fetch(`${import.meta.env.BASE_URL}corpus/prompts.json`)
    .then((r) => (r.ok ? r.json() : { prompts: [] }))
    .then((d: { prompts?: unknown }) => (Array.isArray(d.prompts) ? d.prompts.filter((p): p is string => typeof p === 'string') : []))
    .catch(() => []);
  return loading;
}
