-- AlterTable
ALTER TABLE "users" ADD COLUMN     "weakPasswordSeenAt" TIMESTAMPTZ(3);
