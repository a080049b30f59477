/**
 * Expands the CLI's arguments — files, folders (recursively) and globs ("data/**\/*.md") — into the list
 * of files to import. A path that does not exist is kept, so that loading reports it as unreadable.
 *
 * Symbolic links are not followed unless asked: a link among the inputs, or found in a folder, stays in the
 * list as it is so that loading refuses it with a line naming it, and a folder is never left through one.
 * With `followSymlinks` each link is replaced by the file it points to, and linked folders are walked
 * (each real folder once, so a link cycle ends).
 */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from './load';

export interface ExpandOptions {
  cwd?: string;
  followSymlinks?: boolean;
}

export function expandInputs(inputs: string[], options: ExpandOptions = {}): string[] {
  const cwd = options.cwd ?? process.cwd();
  const follow = options.followSymlinks ?? false;
  const walked = new Set<string>();
  const out: string[] = [];
  for (const input of inputs) {
    if (/[*?[]/.test(input)) {
      out.push(...expandGlob(input, cwd, follow, walked));
      continue;
    }
    const abs = path.resolve(cwd, input);
    const link = isSymlink(abs);
    if (link && !follow) out.push(input);
    else if (existsSync(abs) && statSync(abs).isDirectory()) out.push(...toRead(walk(abs, follow, walked), cwd));
    else out.push(link ? relative(realpathSync(abs), cwd) : input);
  }
  return [...new Set(out)];
}

/** A file found in a folder: where the walk reached it, and what to read (its target when links are followed). */
interface Found {
  reached: string;
  file: string;
  /** A link that is not followed: kept so that loading names it as refused. */
  refusedLink?: boolean;
}

function toRead(found: Found[], cwd: string): string[] {
  return found.filter((f) => f.refusedLink || isSupported(f.reached)).map((f) => relative(f.file, cwd));
}

function isSupported(file: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** What a link points to, or undefined when it points nowhere. */
function targetKind(link: string): 'file' | 'dir' | undefined {
  try {
    const stat = statSync(link);
    return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** `reachedDir` is the folder as the walk names it; links below it are read through their real paths. */
function walk(reachedDir: string, follow: boolean, walked: Set<string>): Found[] {
  const real = realpathSync(reachedDir);
  if (walked.has(real)) return [];
  walked.add(real);
  const found: Found[] = [];
  for (const entry of readdirSync(reachedDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const reached = path.join(reachedDir, entry.name);
    if (entry.isDirectory()) found.push(...walk(reached, follow, walked));
    else if (entry.isFile()) found.push({ reached, file: follow ? realpathSync(reached) : reached });
    else if (entry.isSymbolicLink()) {
      const kind = targetKind(reached);
      if (!follow) {
        if (kind === 'dir' || (kind === 'file' && isSupported(reached)))
          found.push({ reached, file: reached, refusedLink: true });
      } else if (kind === 'dir') found.push(...walk(reached, follow, walked));
      else if (kind === 'file') found.push({ reached, file: realpathSync(reached) });
    }
  }
  return found;
}

/** `*` and `?` within a path segment, `**` across segments. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function expandGlob(glob: string, cwd: string, follow: boolean, walked: Set<string>): string[] {
  const normalized = glob.split(path.sep).join('/');
  const parts = normalized.split('/');
  const firstWild = parts.findIndex((p) => /[*?[]/.test(p));
  const base = parts.slice(0, firstWild).join('/') || '.';
  const baseAbs = path.resolve(cwd, base);
  if (!existsSync(baseAbs)) return [];
  const pattern = globToRegExp(path.resolve(cwd, normalized).split(path.sep).join('/'));
  const matching = walk(baseAbs, follow, walked).filter((f) => pattern.test(f.reached.split(path.sep).join('/')));
  return toRead(matching, cwd);
}

function relative(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}
