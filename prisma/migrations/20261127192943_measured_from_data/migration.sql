-- AlterTable
ALTER TABLE "MeasuredSaving" ADD COLUMN     "basis" JSONB,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'MANUAL';
ALTER TABLE "MeasuredSaving" ADD CONSTRAINT "MeasuredSaving_source_check" CHECK ("source" IN ('MANUAL', 'DATA'));
