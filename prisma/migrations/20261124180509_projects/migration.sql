-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('DRAFT', 'QUOTED', 'ACCEPTED', 'IN_PROGRESS', 'COMMISSIONED', 'VERIFIED', 'CANCELLED');

-- CreateTable
CREATE TABLE "PriceBookVersion" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "items" JSONB NOT NULL,
    "kits" JSONB NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriceBookVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "ProjectStatus" NOT NULL DEFAULT 'DRAFT',
    "targetD" INTEGER NOT NULL DEFAULT 1,
    "targetN" INTEGER NOT NULL DEFAULT 1,
    "targetI" INTEGER NOT NULL DEFAULT 0,
    "priceBookVersionId" TEXT NOT NULL,
    "modules" TEXT[],
    "softwareYears" INTEGER NOT NULL DEFAULT 1,
    "trainingDays" INTEGER NOT NULL DEFAULT 0,
    "expectedSubsidyFen" BIGINT NOT NULL DEFAULT 0,
    "approvedSubsidyFen" BIGINT NOT NULL DEFAULT 0,
    "outcomeAssessmentId" TEXT,
    "cancelReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMachine" (
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,

    CONSTRAINT "ProjectMachine_pkey" PRIMARY KEY ("projectId","machineId")
);

-- CreateTable
CREATE TABLE "CostLine" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "itemCode" TEXT,
    "description" TEXT,
    "quantity" INTEGER NOT NULL,
    "unitPriceFen" BIGINT NOT NULL,
    "totalFen" BIGINT NOT NULL,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CostLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavingsLine" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "monthlyFen" BIGINT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SavingsLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "totalFen" BIGINT NOT NULL,
    "expectedSubsidyFen" BIGINT NOT NULL,
    "monthlySavingsFen" BIGINT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" TEXT,
    "decision" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "declineReason" TEXT,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectStatusChange" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "transition" TEXT NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostEntry" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "costLineId" TEXT,
    "supplier" TEXT NOT NULL,
    "invoiceNo" TEXT NOT NULL,
    "invoiceDate" DATE NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "paid" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CostEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasuredSaving" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasuredSaving_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PriceBookVersion_integratorId_version_key" ON "PriceBookVersion"("integratorId", "version");

-- CreateIndex
CREATE INDEX "Project_integratorId_status_idx" ON "Project"("integratorId", "status");

-- CreateIndex
CREATE INDEX "Project_smeClientId_idx" ON "Project"("smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_integratorId_number_key" ON "Project"("integratorId", "number");

-- CreateIndex
CREATE INDEX "ProjectMachine_integratorId_idx" ON "ProjectMachine"("integratorId");

-- CreateIndex
CREATE INDEX "ProjectMachine_machineId_idx" ON "ProjectMachine"("machineId");

-- CreateIndex
CREATE INDEX "CostLine_projectId_idx" ON "CostLine"("projectId");

-- CreateIndex
CREATE INDEX "CostLine_integratorId_idx" ON "CostLine"("integratorId");

-- CreateIndex
CREATE INDEX "SavingsLine_projectId_idx" ON "SavingsLine"("projectId");

-- CreateIndex
CREATE INDEX "SavingsLine_integratorId_idx" ON "SavingsLine"("integratorId");

-- CreateIndex
CREATE INDEX "Quote_integratorId_idx" ON "Quote"("integratorId");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_projectId_version_key" ON "Quote"("projectId", "version");

-- CreateIndex
CREATE INDEX "ProjectStatusChange_projectId_at_idx" ON "ProjectStatusChange"("projectId", "at");

-- CreateIndex
CREATE INDEX "ProjectStatusChange_integratorId_idx" ON "ProjectStatusChange"("integratorId");

-- CreateIndex
CREATE INDEX "CostEntry_projectId_idx" ON "CostEntry"("projectId");

-- CreateIndex
CREATE INDEX "CostEntry_integratorId_idx" ON "CostEntry"("integratorId");

-- CreateIndex
CREATE INDEX "MeasuredSaving_integratorId_idx" ON "MeasuredSaving"("integratorId");

-- CreateIndex
CREATE UNIQUE INDEX "MeasuredSaving_projectId_month_key" ON "MeasuredSaving"("projectId", "month");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_smeClientId_fkey" FOREIGN KEY ("smeClientId") REFERENCES "SmeClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_priceBookVersionId_fkey" FOREIGN KEY ("priceBookVersionId") REFERENCES "PriceBookVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMachine" ADD CONSTRAINT "ProjectMachine_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMachine" ADD CONSTRAINT "ProjectMachine_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "Machine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostLine" ADD CONSTRAINT "CostLine_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavingsLine" ADD CONSTRAINT "SavingsLine_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectStatusChange" ADD CONSTRAINT "ProjectStatusChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostEntry" ADD CONSTRAINT "CostEntry_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostEntry" ADD CONSTRAINT "CostEntry_costLineId_fkey" FOREIGN KEY ("costLineId") REFERENCES "CostLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasuredSaving" ADD CONSTRAINT "MeasuredSaving_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
