import { Fragment } from "react";

/**
 * An email address that wraps where a reader expects on a narrow screen: before the `@` and
 * before each dot of the domain (Chicago style), mid-word only when one part alone is too wide.
 */
export function EmailText({ email, className }: { email: string; className?: string }) {
  const at = email.lastIndexOf("@");
  const parts = at > 0 ? [email.slice(0, at), ...email.slice(at).split(/(?=\.)/)] : [email];
  return (
    <span className={className ? `email-text ${className}` : "email-text"}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
