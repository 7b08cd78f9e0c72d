-- CreateEnum
CREATE TYPE "AssessmentKind" AS ENUM ('SELF', 'INTEGRATOR', 'THIRD_PARTY');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'SIGNED_OFF');

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "assessedOn" DATE NOT NULL,
    "kind" "AssessmentKind" NOT NULL,
    "assessorName" TEXT NOT NULL,
    "createdById" TEXT,
    "d" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "i" INTEGER NOT NULL,
    "suggestedD" INTEGER NOT NULL,
    "suggestedN" INTEGER NOT NULL,
    "suggestedI" INTEGER NOT NULL,
    "overrides" JSONB NOT NULL DEFAULT '[]',
    "nationalLevel" INTEGER,
    "nationalScore" INTEGER,
    "notes" TEXT,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "signedOffAt" TIMESTAMP(3),
    "signedOffById" TEXT,
    "source" TEXT NOT NULL DEFAULT 'FORM',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentEvidence" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "technology" TEXT NOT NULL,
    "note" TEXT,
    "fileId" TEXT,

    CONSTRAINT "AssessmentEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Assessment_integratorId_smeClientId_assessedOn_idx" ON "Assessment"("integratorId", "smeClientId", "assessedOn");

-- CreateIndex
CREATE INDEX "Assessment_smeClientId_assessedOn_idx" ON "Assessment"("smeClientId", "assessedOn");

-- CreateIndex
CREATE INDEX "AssessmentEvidence_integratorId_idx" ON "AssessmentEvidence"("integratorId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentEvidence_assessmentId_technology_key" ON "AssessmentEvidence"("assessmentId", "technology");

-- CreateIndex
CREATE INDEX "StoredFile_integratorId_idx" ON "StoredFile"("integratorId");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_smeClientId_fkey" FOREIGN KEY ("smeClientId") REFERENCES "SmeClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentEvidence" ADD CONSTRAINT "AssessmentEvidence_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentEvidence" ADD CONSTRAINT "AssessmentEvidence_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
