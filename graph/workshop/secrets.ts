/**
 * Join codes and participant tokens: random, shown once, stored only as SHA-256 hashes (a database
 * dump never reveals a working code or token). Codes use an alphabet without look-alikes (0/O, 1/I/L).
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 10;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Codes are typed by people: case, spaces and dashes do not matter. */
export function normaliseJoinCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

/** 256 random bits, URL-safe (it travels in `?token=` for server-sent events). */
export function newParticipantToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url')}`;
}
