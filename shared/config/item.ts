import { z } from 'zod';

/**
 * One input line of `factwatch analyze` (docs/contracts.md). Unknown fields are allowed and
 * ignored, so feed output and labelled sets can be piped in as they are.
 */
export const AnalyzeItemSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  title: z.string(),
  summary: z.string().optional(),
  content: z.string().optional(),
  link: z.string().optional(),
  published: z.string().optional(),
  source: z.string().optional(),
});
export type AnalyzeItemInput = z.infer<typeof AnalyzeItemSchema>;
