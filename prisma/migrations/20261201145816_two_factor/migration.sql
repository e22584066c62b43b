-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SignInMethod" ADD VALUE 'totp';
ALTER TYPE "SignInMethod" ADD VALUE 'backup_code';

-- CreateTable
CREATE TABLE "totp_devices" (
    "userId" INTEGER NOT NULL,
    "secretEncrypted" VARCHAR(200) NOT NULL,
    "keyId" VARCHAR(40) NOT NULL,
    "lastTimeStep" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "totp_devices_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "pending_totp_setups" (
    "userId" INTEGER NOT NULL,
    "secretEncrypted" VARCHAR(200) NOT NULL,
    "keyId" VARCHAR(40) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pending_totp_setups_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "backup_codes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" INTEGER NOT NULL,
    "codeHash" VARCHAR(64) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "backup_codes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "backup_codes_userId_codeHash_key" ON "backup_codes"("userId", "codeHash");

-- AddForeignKey
ALTER TABLE "totp_devices" ADD CONSTRAINT "totp_devices_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pending_totp_setups" ADD CONSTRAINT "pending_totp_setups_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backup_codes" ADD CONSTRAINT "backup_codes_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
