/**
 * Expands the CLI's arguments — files, folders (recursively) and globs ("data/**\/*.md") — into the list
 * of files to import. A path that does not exist is kept, so that loading reports it as unreadable.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from './load';

export function expandInputs(inputs: string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (/[*?[]/.test(input)) {
      out.push(...expandGlob(input, cwd));
      continue;
    }
    const abs = path.resolve(cwd, input);
    if (existsSync(abs) && statSync(abs).isDirectory())
      out.push(
        ...walk(abs)
          .filter(isSupported)
          .map((f) => relative(f, cwd)),
      );
    else out.push(input);
  }
  return [...new Set(out)];
}

function isSupported(file: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

function walk(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
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

function expandGlob(glob: string, cwd: string): string[] {
  const normalized = glob.split(path.sep).join('/');
  const parts = normalized.split('/');
  const firstWild = parts.findIndex((p) => /[*?[]/.test(p));
  const base = parts.slice(0, firstWild).join('/') || '.';
  const baseAbs = path.resolve(cwd, base);
  if (!existsSync(baseAbs)) return [];
  const pattern = globToRegExp(path.resolve(cwd, normalized).split(path.sep).join('/'));
  return walk(baseAbs)
    .filter((f) => pattern.test(f.split(path.sep).join('/')))
    .map((f) => relative(f, cwd));
}

function relative(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') ? file : rel;
}
