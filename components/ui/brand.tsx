import Link from "next/link";
import { env } from "@/lib/env";

/** The product name (APP_NAME) with its letter mark, linking home. */
export function Brand({ href }: { href: string }) {
  const name = env.appName;
  return (
    <Link className="app-header__brand" href={href}>
      <span className="app-header__logo" aria-hidden="true">
        {Array.from(name)[0]?.toUpperCase()}
      </span>
      {name}
    </Link>
  );
}
