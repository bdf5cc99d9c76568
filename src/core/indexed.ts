/**
 * Indexed reads that cannot miss (noUncheckedIndexedAccess): `at(list, i, what)` is list[i] where the caller has
 * computed i inside the list; a miss is a bug in PIPbook, so it fails loudly with what was looked for instead of
 * carrying `undefined` on.
 */
export function at<T>(list: ArrayLike<T>, index: number, what: string): T {
  const value = list[index];
  if (value === undefined) throw new RangeError(`${what}: no element ${index} (of ${list.length})`);
  return value;
}

/** A capture group a regular expression always fills when it matches. */
export function group(match: RegExpExecArray | RegExpMatchArray, n: number): string {
  const text = match[n];
  if (text === undefined) throw new Error(`group ${n} of /${String(match.input)}/ did not match`);
  return text;
}
