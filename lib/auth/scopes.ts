export const SCOPES = ["user:read", "user:write"] as const;
export type Scope = (typeof SCOPES)[number];

/** `user:write` implies `user:read`, as in the reference. */
export function scopeSatisfied(granted: readonly Scope[] | "*", required: Scope): boolean {
  if (granted === "*") return true;
  if (granted.includes(required)) return true;
  return required === "user:read" && granted.includes("user:write");
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
