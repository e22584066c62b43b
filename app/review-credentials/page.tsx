import type { Metadata } from "next";
import { CredentialReview } from "@/components/review/credential-review";
import { Brand } from "@/components/ui/brand";
import { requirePagePrincipal } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Review your credentials" };

/** Full screen, no app navigation: a flagged user is held here until they confirm (lib/auth/page-session.ts). */
export default async function ReviewCredentialsPage() {
  await requirePagePrincipal();
  return (
    <div className="auth-frame">
      <header className="auth-frame__header">
        <Brand href="/review-credentials" />
      </header>
      <main id="main" tabIndex={-1} className="auth-frame__main">
        <div className="panel panel--wide">
          <CredentialReview />
        </div>
      </main>
    </div>
  );
}
