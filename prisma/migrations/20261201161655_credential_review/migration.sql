-- AlterTable
ALTER TABLE "users" ADD COLUMN     "requiresCredentialReview" BOOLEAN NOT NULL DEFAULT false;
