-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'DISBURSED');

-- AlterTable
ALTER TABLE "Fund" ADD COLUMN     "committedFen" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "disbursedFen" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "evidenceRequired" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "rulesVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "FundBatch" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "rateBp" INTEGER,

    CONSTRAINT "FundBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundRuleVersion" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundRuleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "batchId" TEXT,
    "number" TEXT NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'DRAFT',
    "rulesVersion" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "requestedFen" BIGINT NOT NULL DEFAULT 0,
    "computedFen" BIGINT NOT NULL DEFAULT 0,
    "explanation" JSONB NOT NULL DEFAULT '[]',
    "approvedFen" BIGINT,
    "disbursedFen" BIGINT NOT NULL DEFAULT 0,
    "disbursedOn" DATE,
    "disbursementRef" TEXT,
    "decisionReason" TEXT,
    "snapshot" JSONB NOT NULL DEFAULT '{}',
    "createdById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimMachine" (
    "countyId" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "assetTag" TEXT NOT NULL,
    "costFen" BIGINT NOT NULL,

    CONSTRAINT "ClaimMachine_pkey" PRIMARY KEY ("claimId","machineId")
);

-- CreateTable
CREATE TABLE "ClaimEvidence" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,

    CONSTRAINT "ClaimEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimEvent" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "amountFen" BIGINT,
    "reason" TEXT,
    "explanation" JSONB,
    "actorId" TEXT,
    "actorName" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FundBatch_fundId_idx" ON "FundBatch"("fundId");

-- CreateIndex
CREATE INDEX "FundBatch_countyId_idx" ON "FundBatch"("countyId");

-- CreateIndex
CREATE INDEX "FundRuleVersion_countyId_idx" ON "FundRuleVersion"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "FundRuleVersion_fundId_version_key" ON "FundRuleVersion"("fundId", "version");

-- CreateIndex
CREATE INDEX "Claim_countyId_status_idx" ON "Claim"("countyId", "status");

-- CreateIndex
CREATE INDEX "Claim_integratorId_idx" ON "Claim"("integratorId");

-- CreateIndex
CREATE INDEX "Claim_smeClientId_idx" ON "Claim"("smeClientId");

-- CreateIndex
CREATE INDEX "Claim_projectId_idx" ON "Claim"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_fundId_number_key" ON "Claim"("fundId", "number");

-- CreateIndex
CREATE INDEX "ClaimMachine_smeClientId_idx" ON "ClaimMachine"("smeClientId");

-- CreateIndex
CREATE INDEX "ClaimEvidence_claimId_idx" ON "ClaimEvidence"("claimId");

-- CreateIndex
CREATE INDEX "ClaimEvent_claimId_at_idx" ON "ClaimEvent"("claimId", "at");

-- AddForeignKey
ALTER TABLE "FundBatch" ADD CONSTRAINT "FundBatch_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundRuleVersion" ADD CONSTRAINT "FundRuleVersion_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "FundBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimMachine" ADD CONSTRAINT "ClaimMachine_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEvidence" ADD CONSTRAINT "ClaimEvidence_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEvent" ADD CONSTRAINT "ClaimEvent_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
