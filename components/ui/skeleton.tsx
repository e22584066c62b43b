/** Placeholder shape while data loads; hidden from assistive technology (the container sets aria-busy). */
export function Skeleton({ width = "100%", height = "1rem" }: { width?: string; height?: string }) {
  return <span className="skeleton" aria-hidden="true" style={{ width, height }} />;
}
