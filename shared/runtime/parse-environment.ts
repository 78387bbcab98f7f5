import type * as z from 'zod';
import { ConfigError } from '../errors.ts';

/**
 * A λ's environment checked against `schema`: a missing or wrong variable is one
 * ConfigError naming it, at cold start, not an undefined deep inside a stage.
 */
export function parseEnvironment<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`environment: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
