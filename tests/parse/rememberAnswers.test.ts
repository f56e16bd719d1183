// rememberAnswers: a pure function's answers kept per text, bounded in entries and in text length.
import { rememberAnswers } from '../../src/parse/rememberAnswers';

function counted(): { answer: (text: string) => string; calls: string[] } {
  const calls: string[] = [];
  return { calls, answer: (text) => (calls.push(text), text.toUpperCase()) };
}

it('answers a text it has seen without asking again', () => {
  const { answer, calls } = counted();
  const upper = rememberAnswers(answer, { entries: 10 });
  expect([upper('a'), upper('b'), upper('a'), upper('a')]).toEqual(['A', 'B', 'A', 'A']);
  expect(calls).toEqual(['a', 'b']);
});

it('forgets everything when full, and still answers right', () => {
  const { answer, calls } = counted();
  const upper = rememberAnswers(answer, { entries: 2 });
  upper('a');
  upper('b');
  upper('c'); // full: emptied, then c kept
  expect(upper('c')).toBe('C');
  expect(upper('a')).toBe('A');
  expect(calls).toEqual(['a', 'b', 'c', 'a']);
});

it('answers texts longer than maxChars each time, never keeping them', () => {
  const { answer, calls } = counted();
  const upper = rememberAnswers(answer, { entries: 10, maxChars: 3 });
  expect([upper('long'), upper('long'), upper('abc'), upper('abc')]).toEqual(['LONG', 'LONG', 'ABC', 'ABC']);
  expect(calls).toEqual(['long', 'long', 'abc']);
});
