// badwords-list ships no types: a list of lower-case words (a few are phrases).
declare module 'badwords-list' {
  const lists: { array: string[] };
  export default lists;
}
