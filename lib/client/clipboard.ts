/** Resolves false instead of throwing: copying is a convenience, its failure is reported as text. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
