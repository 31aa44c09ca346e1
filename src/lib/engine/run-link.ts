// The RL run form as a link, as TensorFlow Playground shares its state: every setting, seed
// included, in the address (`#rl?run=<base64url of JSON>`), so a teacher sends an exact setup.
// Opening a link fills the form and starts nothing. A link is read as untrusted input: only the
// known settings are taken from it, each checked as a new run's are (checkRLSettings and the
// simulated labeler's own checks); a setting added after the link was made takes its default.
// Pure: no tfjs, no DOM beyond btoa / atob and TextEncoder (Node has them too).
import { DEFAULT_SIMULATED_LABELER, labelerFromSettings, SCORER_KINDS, type SimulatedLabelerSettings } from '../feedback/simulated-judgement';
import { RETENTION_SETTINGS } from './checkpoint-retention';
import { PPO_SETTINGS } from './ppo-config';
import type { RunForm } from './rl-presets';
import { checkRLSettings, DEFAULT_RL, RL_SETTINGS, type RLSettings } from './rl-run';

/** The tab the link opens, and the query key its settings travel under. */
export const RUN_LINK_TAB = 'rl';
export const RUN_LINK_PARAM = 'run';
/** Written into every link; a link from a newer format is refused rather than half read. */
export const RUN_LINK_VERSION = 1;
/** Longer than any form this app writes (about 1.5k characters); a longer one is refused unread. */
export const MAX_RUN_LINK_CHARS = 16_000;

const LABELER_MODES = ['honest', 'inverted', 'random'] as const;
const KEYWORD_MODES = ['include', 'avoid'] as const;
const MAX_KEYWORDS_CHARS = 200; // the labeler form's maxlength
const MAX_TOPIC_CHARS = 40; // likewise

interface LinkBody {
  v: number;
  settings: RLSettings;
  who: RunForm['who'];
  /** Only with who = 'simulated'. */
  simulated?: SimulatedLabelerSettings;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string {
  const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (code.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The form's settings as the link's code (the part after `run=`). */
export function encodeRunForm(form: RunForm): string {
  const body: LinkBody = { v: RUN_LINK_VERSION, settings: form.settings, who: form.who };
  if (form.who === 'simulated') body.simulated = form.simulated;
  return toBase64Url(JSON.stringify(body));
}

/** The address hash that opens the RL tab with this form filled in. */
export function runLinkHash(form: RunForm): string {
  return `#${RUN_LINK_TAB}?${RUN_LINK_PARAM}=${encodeRunForm(form)}`;
}

/** The link's code in an address hash (`#rl?run=…`), or null when the hash carries none. */
export function runLinkCode(hash: string): string | null {
  const prefix = `#${RUN_LINK_TAB}?`;
  return hash.startsWith(prefix) ? new URLSearchParams(hash.slice(prefix.length)).get(RUN_LINK_PARAM) : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keys a table knows, taken from `raw` where present (anything else in the link is ignored). */
function pick<T>(table: ReadonlyArray<{ key: string }>, defaults: T, raw: unknown, what: string): T {
  if (raw === undefined) return { ...defaults };
  if (!isObject(raw)) throw new Error(`${what} are not an object`);
  const out = { ...defaults } as Record<string, unknown>;
  for (const { key } of table) if (Object.hasOwn(raw, key)) out[key] = raw[key];
  return out as T;
}

function readRules(raw: unknown): RLSettings['rules'] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new Error('its rules are not a list');
  return raw.map((r, i) => {
    if (!isObject(r) || typeof r.name !== 'string' || typeof r.pattern !== 'string' || typeof r.penalty !== 'number' || (r.kind !== 'words' && r.kind !== 'regex')) {
      throw new Error(`rule ${i + 1} is not a rule (a name, a kind 'words' or 'regex', a pattern and a penalty)`);
    }
    return { name: r.name, kind: r.kind, pattern: r.pattern, penalty: r.penalty };
  });
}

function readSimulated(raw: unknown): SimulatedLabelerSettings {
  const s = pick<SimulatedLabelerSettings>(
    ['scorer', 'keywords', 'keywordMode', 'topic', 'mode', 'noise'].map((key) => ({ key })), DEFAULT_SIMULATED_LABELER, raw, "the simulated labeler's settings");
  if (!(SCORER_KINDS as readonly unknown[]).includes(s.scorer)) throw new Error(`the simulated labeler prefers "${String(s.scorer)}"; expected ${SCORER_KINDS.join(', ')}`);
  if (!(LABELER_MODES as readonly unknown[]).includes(s.mode)) throw new Error(`the simulated labeler's mode is "${String(s.mode)}"; expected ${LABELER_MODES.join(', ')}`);
  if (!(KEYWORD_MODES as readonly unknown[]).includes(s.keywordMode)) throw new Error(`the keyword mode is "${String(s.keywordMode)}"; expected include or avoid`);
  if (typeof s.keywords !== 'string' || s.keywords.length > MAX_KEYWORDS_CHARS) throw new Error(`the keywords are not a text of at most ${MAX_KEYWORDS_CHARS} characters`);
  if (typeof s.topic !== 'string' || s.topic.length > MAX_TOPIC_CHARS) throw new Error(`the topic is not a text of at most ${MAX_TOPIC_CHARS} characters`);
  if (typeof s.noise !== 'number') throw new Error(`the noise ${String(s.noise)} is not a number`);
  labelerFromSettings(s); // its own checks: the noise's range, the keywords, the topic
  return s;
}

/**
 * The form a link's code describes; throws an Error whose message says why the link cannot be
 * used (not base64url, not JSON, a newer format, a setting out of range ...). Settings the link
 * lacks take today's defaults; the person labeler's name is this browser's own.
 */
export function decodeRunForm(code: string): RunForm {
  try {
    if (code.length > MAX_RUN_LINK_CHARS) throw new Error(`it is ${code.length} characters long, over the ${MAX_RUN_LINK_CHARS} a run's settings take`);
    if (!/^[A-Za-z0-9_-]*$/.test(code)) throw new Error('it is not the code this app writes (letters, digits, - and _ only)');
    let body: unknown;
    try {
      body = JSON.parse(fromBase64Url(code));
    } catch {
      throw new Error('it is damaged (its settings do not decode: was it cut short or edited?)');
    }
    if (!isObject(body)) throw new Error('it holds no settings');
    if (body.v !== RUN_LINK_VERSION) {
      throw new Error(typeof body.v === 'number' && body.v > RUN_LINK_VERSION ? `it was made by a newer version of the app (format ${body.v})` : `its format ${String(body.v)} is unknown`);
    }
    if (!isObject(body.settings)) throw new Error('it holds no run settings');
    const raw = body.settings;
    const settings: RLSettings = {
      ...pick(RL_SETTINGS, structuredClone(DEFAULT_RL), raw, 'its run settings'),
      ppo: pick(PPO_SETTINGS, { ...DEFAULT_RL.ppo }, raw.ppo, 'its PPO settings'),
      retention: pick(RETENTION_SETTINGS, { ...DEFAULT_RL.retention }, raw.retention, 'its checkpoint settings'),
      rules: readRules(raw.rules),
    };
    checkRLSettings(settings); // every knob's type and range, as a new run's
    if (body.who !== 'person' && body.who !== 'simulated') throw new Error(`who gives the feedback is "${String(body.who)}"; expected person or simulated`);
    const simulated = body.who === 'simulated' ? readSimulated(body.simulated) : { ...DEFAULT_SIMULATED_LABELER };
    return { settings, who: body.who, simulated };
  } catch (e) {
    throw new Error(`This link's settings cannot be used: ${(e as Error).message}. The form keeps its defaults.`);
  }
}

/** What an address hash asks of the run form: nothing, a form to fill, or the reason it cannot. */
export function readRunLink(hash: string): { form: RunForm } | { error: string } | null {
  const code = runLinkCode(hash);
  if (code === null) return null;
  try {
    return { form: decodeRunForm(code) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
