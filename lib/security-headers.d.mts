export function contentSecurityPolicy(options: { allowEval: boolean; development: boolean }): string;
export function securityHeaders(options: { https: boolean; development: boolean }): Array<{ key: string; value: string }>;
