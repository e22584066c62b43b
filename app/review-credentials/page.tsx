import type { Metadata } from "next";
import { CredentialReview } from "@/components/review/credential-review";
import { Brand } from "@/components/ui/brand";
import { requirePagePrincipal } from "@/lib/auth/page-session";
import { myApiKeysQuery } from "@/lib/server/api-key-queries";
import { myPasskeysQuery } from "@/lib/server/passkey-queries";
import { Prefetched } from "@/lib/server/prefetched";

export const metadata: Metadata = { title: "Review your credentials" };

/** Full screen, no app navigation: a flagged user is held here until they confirm (lib/auth/page-session.ts). */
export default async function ReviewCredentialsPage() {
  const principal = await requirePagePrincipal();
  return (
    <div className="auth-frame">
      <header className="auth-frame__header">
        <Brand href="/review-credentials" />
      </header>
      <main id="main" tabIndex={-1} className="auth-frame__main">
        <div className="panel panel--wide">
          <Prefetched queries={[myApiKeysQuery(principal), myPasskeysQuery(principal)]}>
            <CredentialReview />
          </Prefetched>
        </div>
      </main>
    </div>
  );
}
