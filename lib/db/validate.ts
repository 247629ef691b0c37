import type { z } from 'zod';

/** Reported instead of thrown when a stored row fails its schema. */
export interface BadRow {
  store: string;
  key: unknown;
  problem: string;
}

function reportBadRow(bad: BadRow): void {
  console.warn(`[dealside] skipped a damaged ${bad.store} row`, bad.key, bad.problem);
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`)
    .join('; ');
}

/** Validates rows read from a store; bad ones are reported and left out. */
export function validRows<T>(
  schema: z.ZodType<T>,
  store: string,
  rows: unknown[],
  keyOf: (row: unknown) => unknown,
): T[] {
  const valid: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) valid.push(parsed.data);
    else reportBadRow({ store, key: keyOf(row), problem: describe(parsed.error) });
  }
  return valid;
}

/** Validates one row read from a store, or undefined (reported) when it is damaged or missing. */
export function validRow<T>(schema: z.ZodType<T>, store: string, row: unknown, key: unknown): T | undefined {
  if (row === undefined) return undefined;
  return validRows(schema, store, [row], () => key)[0];
}

/** Thrown when the app itself tries to write a row that breaks the schema: a bug, never written. */
export class InvalidRowError extends Error {
  constructor(store: string, error: z.ZodError) {
    super(`Refused to write an invalid ${store} row: ${describe(error)}`);
    this.name = 'InvalidRowError';
  }
}

/** Validates a row before it is written. */
export function checkedRow<T>(schema: z.ZodType<T>, store: string, row: unknown): T {
  const parsed = schema.safeParse(row);
  if (!parsed.success) throw new InvalidRowError(store, parsed.error);
  return parsed.data;
}
