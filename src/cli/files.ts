/**
 * File access for the CLI with errors that name the file: missing, locked/unreadable, a folder.
 * Writes go to a temporary name in the target's own folder and are renamed into place, so a crash or a
 * full disk never leaves a half-written workbook under the final name.
 */
import { constants as fsConstants, promises as fs } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { CliError, reasonOf } from "./errors";

function codeOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

/** A CliError for a failed read of `file`. */
export function readError(file: string, error: unknown): CliError {
  const code = codeOf(error);
  if (code === "ENOENT") return new CliError("file.missing", { file }, 1, { cause: error });
  if (code === "EACCES" || code === "EPERM" || code === "EBUSY") return new CliError("file.unreadable", { file }, 1, { cause: error });
  if (code === "EISDIR") return new CliError("file.isDirectory", { file }, 1, { cause: error });
  return new CliError("file.readFailed", { file, reason: reasonOf(error) }, 1, { cause: error });
}

export async function readInputFile(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw readError(file, error);
  }
}

/** Ensure `dir` is an existing folder (used for rollup's input). */
export async function requireDirectory(dir: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(dir);
  } catch (error) {
    throw readError(dir, error);
  }
  if (!stat.isDirectory()) throw new CliError("file.notDirectory", { file: dir });
}

/** The temporary name used while writing `target` (same folder, so the final rename is atomic). */
export function temporaryNameFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

export function isTemporaryName(name: string): boolean {
  return name.startsWith(".") && name.endsWith(".tmp");
}

/**
 * What is at `target` now, for a write that replaces it: the file a symbolic link leads to (the link stays a link,
 * as an editor saving through it keeps it), that file's permission bits (a PIP workbook someone made readable by
 * its owner only stays so: a new file would get the umask's 0644) — or null when nothing is there. A file its user
 * may not write is refused (file.notWritable) instead of replaced by a new one, which a writable folder would allow.
 */
async function replacedFile(target: string): Promise<{ path: string; mode: number } | null> {
  let real: string;
  try {
    real = await fs.realpath(target);
  } catch (error) {
    if (codeOf(error) === "ENOENT") return null;
    throw error;
  }
  const stat = await fs.stat(real);
  if (!stat.isFile()) return null;
  try {
    await fs.access(real, fsConstants.W_OK);
  } catch (error) {
    throw new CliError("file.notWritable", { file: target }, 1, { cause: error });
  }
  return { path: real, mode: stat.mode & 0o7777 };
}

/** Whether `a` and `b` name the same file (through links and relative paths); false when either does not exist. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Write `data` to `target` atomically: temp file in the same folder, fsync, rename; the temp file is removed on
 * failure. A file already there is replaced as replacedFile says: through a link, with its permission bits.
 */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  const existing = await replacedFile(target).catch((error: unknown) => {
    if (error instanceof CliError) throw error;
    return null;
  });
  const destination = existing?.path ?? target;
  const temporary = temporaryNameFor(destination);
  try {
    const handle = await fs.open(temporary, "wx", existing?.mode ?? 0o666);
    try {
      await handle.writeFile(data);
      // open's mode is masked by the umask; the replaced file's bits are set as they were
      if (existing) await handle.chmod(existing.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, destination);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    const code = codeOf(error);
    if (code === "ENOENT") throw new CliError("file.noFolder", { file: target, dir: path.dirname(target) }, 1, { cause: error });
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") throw new CliError("file.notWritable", { file: target }, 1, { cause: error });
    throw new CliError("file.writeFailed", { file: target, reason: reasonOf(error) }, 1, { cause: error });
  }
}

const TEMPORARY_NAME = /^\..+\.xlsx\.(\d+)\.[0-9a-f]{8}\.tmp$/i;

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return codeOf(error) === "EPERM";
  }
}

/**
 * Remove the temporary files (temporaryNameFor) that a run killed mid-write left in `dir`: those whose process
 * is gone. A running pipbook's own temp files are left alone. Returns how many were removed; never throws.
 */
export async function cleanStaleTemporaries(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMPORARY_NAME.exec(name);
    if (!m || processIsAlive(Number(m[1]))) continue;
    try {
      await fs.rm(path.join(dir, name), { force: true });
      removed++;
    } catch {
      // a file we may not remove stays; the next run tries again
    }
  }
  return removed;
}

/** The bytes of `file`, or null when there is no such file (other read errors are thrown as CliErrors). */
export async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if (codeOf(error) === "ENOENT") return null;
    throw readError(file, error);
  }
}
