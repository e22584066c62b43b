-- CreateTable
CREATE TABLE "user_counts" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "active" INTEGER NOT NULL,
    "activeStaff" INTEGER NOT NULL,

    CONSTRAINT "user_counts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "users_isActive_id_idx" ON "users"("isActive", "id");

-- One row only; it starts from the users already there.
ALTER TABLE "user_counts" ADD CONSTRAINT "user_counts_one_row" CHECK ("id" = 1);
INSERT INTO "user_counts" ("id", "active", "activeStaff")
SELECT 1, count(*) FILTER (WHERE "isActive"), count(*) FILTER (WHERE "isActive" AND "isStaff") FROM "users";

-- Inserts and deletes are counted once per statement (a bulk insert of 100,000 users is one
-- update); a statement that changes no counted row leaves the counter row unlocked.
CREATE FUNCTION "user_counts_after_statement"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE "user_counts" SET "active" = 0, "activeStaff" = 0;
  ELSIF TG_OP = 'INSERT' THEN
    UPDATE "user_counts" SET "active" = "active" + d.users, "activeStaff" = "activeStaff" + d.staff
      FROM (SELECT count(*) FILTER (WHERE "isActive") AS users, count(*) FILTER (WHERE "isActive" AND "isStaff") AS staff FROM new_rows) d
     WHERE d.users > 0;
  ELSE
    UPDATE "user_counts" SET "active" = "active" - d.users, "activeStaff" = "activeStaff" - d.staff
      FROM (SELECT count(*) FILTER (WHERE "isActive") AS users, count(*) FILTER (WHERE "isActive" AND "isStaff") AS staff FROM old_rows) d
     WHERE d.users > 0;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "user_counts_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "user_counts"
     SET "active" = "active" + NEW."isActive"::int - OLD."isActive"::int,
         "activeStaff" = "activeStaff" + (NEW."isActive" AND NEW."isStaff")::int - (OLD."isActive" AND OLD."isStaff")::int;
  RETURN NULL;
END
$$;

CREATE TRIGGER "users_counted_on_insert" AFTER INSERT ON "users"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "user_counts_after_statement"();
CREATE TRIGGER "users_counted_on_delete" AFTER DELETE ON "users"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "user_counts_after_statement"();
CREATE TRIGGER "users_counted_on_truncate" AFTER TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "user_counts_after_statement"();
-- Transition tables cannot be limited to columns, so updates are counted per row, and only when a
-- counted flag actually changes (profile writes never touch the counter row).
CREATE TRIGGER "users_counted_on_update" AFTER UPDATE OF "isActive", "isStaff" ON "users"
  FOR EACH ROW WHEN (OLD."isActive" IS DISTINCT FROM NEW."isActive" OR OLD."isStaff" IS DISTINCT FROM NEW."isStaff")
  EXECUTE FUNCTION "user_counts_after_update"();
