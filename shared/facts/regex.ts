/** `text` as a literal inside a regular expression (aliases and phrases are data, never patterns). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
