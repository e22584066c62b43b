import type { Metadata } from "next";
import { PageHeader } from "@/components/settings/page-header";
import { ProfileFacts } from "@/components/settings/profile-facts";
import { EmailCard } from "@/components/settings/email-card";
import { ProfileForm } from "@/components/settings/profile-form";

export const metadata: Metadata = { title: "Profile · Settings" };

export default function ProfilePage() {
  return (
    <>
      <PageHeader title="Profile" description="Your name and the facts about your account." />
      <ProfileForm />
      <EmailCard />
      <ProfileFacts />
    </>
  );
}
