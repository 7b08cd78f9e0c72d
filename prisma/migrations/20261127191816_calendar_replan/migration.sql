-- AlterTable
ALTER TABLE "SmeClient" ADD COLUMN     "calendarChangedAt" TIMESTAMPTZ(3);
