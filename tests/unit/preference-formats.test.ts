import { describe, expect, it } from 'vitest';
import {
  hhTranscript, MAX_LINE_BYTES, parsePreferenceJsonl, PreferenceImportError, splitHHTranscript, toJsonl, type PreferenceRecord,
} from '../../src/lib/store/preference-formats';

const pref: PreferenceRecord = { format: 'trl-preference', prompt: 'Once upon a time', chosen: ' a bear smiled.', rejected: ' a wolf howled.', margin: 0.5, extra: { feedback_kind: 'ab', strength: 'better' } };
const thumbs: PreferenceRecord = { format: 'trl-unpaired', prompt: 'The little hen', completion: ' found a grain.', label: true, extra: {} };
const hh: PreferenceRecord = { format: 'hh-rlhf', prompt: 'Tell me a story', chosen: 'Once there was a kind fox.', rejected: 'No.', extra: { ranking: [1, 2] } };

describe('preference formats', () => {
  it('writes TRL preference lines with the extra fields alongside', () => {
    expect(JSON.parse(toJsonl([pref]))).toEqual({ prompt: 'Once upon a time', chosen: ' a bear smiled.', rejected: ' a wolf howled.', margin: 0.5, feedback_kind: 'ab', strength: 'better' });
  });

  it('writes HH-RLHF transcripts', () => {
    const line = JSON.parse(toJsonl([hh]));
    expect(line.chosen).toBe('\n\nHuman: Tell me a story\n\nAssistant: Once there was a kind fox.');
    expect(line.rejected).toBe('\n\nHuman: Tell me a story\n\nAssistant: No.');
  });

  it('reads back what it writes, in all three formats', () => {
    expect(parsePreferenceJsonl(toJsonl([pref, thumbs, hh]))).toEqual([pref, thumbs, hh]);
  });

  it('splits a multi-turn HH transcript at the last assistant turn', () => {
    const t = hhTranscript('Hi\n\nAssistant: Hello!\n\nHuman: A story?', 'Once...');
    expect(splitHHTranscript(t)).toEqual({ prompt: 'Hi\n\nAssistant: Hello!\n\nHuman: A story?', reply: 'Once...' });
  });

  it('accepts Windows line endings, a byte-order mark and blank lines', () => {
    const file = '\uFEFF' + toJsonl([pref]).replace('\n', '\r\n') + '\n\n' + toJsonl([thumbs]);
    expect(parsePreferenceJsonl(file)).toHaveLength(2);
  });
});

describe('preference import validation', () => {
  const good = toJsonl([pref]).trim();
  const line = (o: unknown) => JSON.stringify(o);
  it.each<[string, string | Uint8Array, RegExp]>([
    ['an empty file', '', /no records/],
    ['truncated JSON', `${good}\n{"prompt": "a", "chosen": "b"`, /Line 2: not valid JSON/],
    ['a JSON array line', `${good}\n[1, 2]`, /Line 2: expected a JSON object/],
    ['a missing field', line({ prompt: 'p', chosen: 'c' }), /Line 1: missing field "rejected"/],
    ['a number where text belongs', line({ prompt: 'p', chosen: 5, rejected: 'r' }), /Line 1: field "chosen" must be text, but is number/],
    ['a null field', line({ prompt: null, chosen: 'c', rejected: 'r' }), /Line 1: field "prompt" must be text, but is null/],
    ['an empty string', `${good}\n${good}\n${line({ prompt: 'p', chosen: '  ', rejected: 'r' })}`, /Line 3: field "chosen" is empty/],
    ['a text margin', line({ prompt: 'p', chosen: 'c', rejected: 'r', margin: 'big' }), /Line 1: field "margin" must be a finite number/],
    ['a thumbs label that is not a boolean', line({ prompt: 'p', completion: 'c', label: 'yes' }), /Line 1: field "label" must be true or false/],
    ['HH transcripts without the turn markers', line({ chosen: 'just text', rejected: 'other text' }), /are not .*Human.*transcripts/],
    ['HH transcripts of different conversations', line({ chosen: hhTranscript('a', 'x'), rejected: hhTranscript('b', 'y') }), /different conversations/],
    ['a 10 MB line', line({ prompt: 'p', chosen: 'c'.repeat(10_000_000), rejected: 'r' }), new RegExp(`Line 1: the line is longer than ${MAX_LINE_BYTES / 1e6} MB`)],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]), /binary file/],
    ['text that is not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /not UTF-8/],
  ])('refuses %s, naming the problem', (_, input, message) => {
    let error: unknown;
    try {
      parsePreferenceJsonl(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PreferenceImportError);
    expect((error as Error).message).toMatch(message);
  });
});
