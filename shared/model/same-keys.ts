/**
 * True when two object types have the same keys: a record schema written beside its
 * interface must name every field, or a read through it would silently drop one.
 * Used as `const complete: SameKeys<FeedState, z.infer<typeof FeedStateSchema>> = true;`.
 */
export type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never]
  ? true
  : false;
