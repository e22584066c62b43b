-- AlterTable
ALTER TABLE "outbox_emails" ADD COLUMN     "html" TEXT;
