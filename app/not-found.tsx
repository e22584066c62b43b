import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="centered-main">
      <div className="panel panel--narrow">
        <p className="eyebrow">404</p>
        <h1>Page not found</h1>
        <p className="muted">The page you asked for doesn&apos;t exist, or you don&apos;t have access to it.</p>
        <p>
          <Link className="button button--primary" href="/">
            Go to your settings
          </Link>
        </p>
      </div>
    </main>
  );
}
