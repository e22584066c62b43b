// Creates an account from the command line, like a framework's createsuperuser:
//   npm run create-user -- --email E --password P --first-name N [--last-name N] [--staff]
import { parseArgs } from "node:util";
import { ApiError } from "@/lib/api/errors";
import { closeDb, db } from "@/lib/db/client";
import { createAccount } from "@/lib/users/accounts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    password: { type: "string" },
    staff: { type: "boolean", default: false },
    "first-name": { type: "string" },
    "last-name": { type: "string", default: "" },
  },
});

if (!values.email || !values.password || values["first-name"] === undefined) {
  console.error("usage: npm run create-user -- --email E --password P --first-name N [--last-name N] [--staff]");
  process.exit(2);
}

try {
  const user = await createAccount({
    email: values.email,
    password: values.password,
    firstName: values["first-name"],
    lastName: values["last-name"],
    isStaff: values.staff,
    isEmailVerified: true,
  });
  console.log(`created ${user.isStaff ? "staff user" : "user"} ${user.email} (${user.uuid})`);
} catch (error) {
  if (error instanceof ApiError) {
    for (const issue of error.extra.issues ?? [error]) console.error(`${issue.attr ?? "error"}: ${issue.detail}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await closeDb();
}
