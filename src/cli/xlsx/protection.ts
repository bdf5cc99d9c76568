/**
 * A sheet password an .xlsx holds, carried through the in-memory Excel untouched. The file keeps only a hash of a
 * sheet's password (ECMA-376 CT_SheetProtection: the legacy `password` hash, or `hashValue` with `algorithmName`,
 * `saltValue`, `spinCount`), never the password. In the snapshot such a sheet gets a password nobody can type —
 * this marker followed by the hash fields — so that unprotecting it without its password fails in the in-memory
 * Excel as it does in Excel (PIPbook's preflight then refuses to write into it), and writing the file back restores
 * the same hash instead of dropping the protection or re-hashing the marker.
 */
// No control character: the .xlsx writer strips those from every string of the snapshot (XML 1.0 cannot hold them).
const MARKER = "⟦pipbook:password-hash⟧";

export interface PasswordHash {
  password?: string;
  algorithmName?: string;
  hashValue?: string;
  saltValue?: string;
  spinCount?: number;
}

/** The snapshot's password for a sheet whose protection has a hash; null when it has none. */
export function passwordFromHash(protection: PasswordHash | null | undefined): string | null {
  if (!protection || !(protection.password || protection.hashValue)) return null;
  const { password, algorithmName, hashValue, saltValue, spinCount } = protection;
  return MARKER + JSON.stringify({ password, algorithmName, hashValue, saltValue, spinCount });
}

/** The hash fields of a password made by passwordFromHash; null for any other password. */
export function hashFromPassword(password: string | null | undefined): PasswordHash | null {
  if (!password || !password.startsWith(MARKER)) return null;
  try {
    const parsed = JSON.parse(password.slice(MARKER.length)) as PasswordHash;
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined && v !== null)) as PasswordHash;
  } catch {
    return null;
  }
}
