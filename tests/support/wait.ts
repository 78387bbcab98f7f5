/**
 * Waits until `condition` holds or `timeoutMs` passes, checking every 50 ms; returns
 * whether it held. For what another process does in its own time (a server stopping,
 * a file appearing), never as a speed assertion.
 */
export async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return condition();
}
