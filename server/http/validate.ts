/**
 * Zod at the edge: parse a request part or throw the ZodError the error middleware turns into a 400
 * naming the field. Helpers for query-string lists (`types=Person,State` or repeated `types=`).
 */
import { z } from 'zod';

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  return schema.parse(value);
}

/** A comma-separated or repeated query parameter as a list of non-empty strings, each one of `allowed` when given. */
export function listParam(allowed?: readonly [string, ...string[]]) {
  const item = allowed ? z.enum(allowed) : z.string().min(1).max(200);
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item as z.ZodType<string, string>).max(50));
}

export function intParam(min: number, max: number, fallback: number) {
  return z.coerce.number().int().min(min).max(max).default(fallback);
}
