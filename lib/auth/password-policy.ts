import "server-only";

/** The server's entry to the password rules; they live in one isomorphic module so the forms' meter applies the same. */
export { passwordPolicyIssues } from "./password-rules";
