/**
 * Join codes and participant tokens: random, shown once, stored only as SHA-256 hashes (a database
 * dump never reveals a working code or token). Codes use an alphabet without look-alikes (0/O, 1/I/L).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/**
 * 16 characters of 31 (about 79 bits): the stored hash is unsalted (a code is looked up by it), so the
 * code must be too long to find by trying hashes offline should the workshop store ever leak.
 */
export const JOIN_CODE_LENGTH = 16;

/** A code like `K7PQ-2MZX-9DTA-HW4E`: shown in groups of four, accepted with or without the dashes. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code.match(/.{4}/g)!.join('-');
}

/** Codes are typed by people: case, spaces and dashes do not matter. */
export function normaliseJoinCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

/** 256 random bits, URL-safe (it travels in `?token=` for server-sent events). */
export function newParticipantToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The one list of property names that hold secrets. The hashes live in the workshop store, out of Neo4j's
 * reach (graph/workshop-store/); this list is the second line: user Cypher may not name these, and an
 * answer or export shows them as "[redacted]" should a database written by an older version still hold one.
 */
export const SECRET_PROPERTIES: readonly string[] = ['tokenHash', 'editorCodeHash', 'viewerCodeHash', 'passwordHash'];
const SECRET_LOWER = new Set(SECRET_PROPERTIES.map((name) => name.toLowerCase()));

export function isSecretProperty(name: string): boolean {
  return SECRET_LOWER.has(name.toLowerCase());
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url')}`;
}
