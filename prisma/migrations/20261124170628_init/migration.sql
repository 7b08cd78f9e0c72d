-- CreateEnum
CREATE TYPE "Role" AS ENUM ('INTEGRATOR_ADMIN', 'INTEGRATOR_ENGINEER', 'SME_OWNER', 'COUNTY_OFFICIAL');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('zh_CN', 'en');

-- CreateEnum
CREATE TYPE "ControlType" AS ENUM ('MANUAL', 'RELAY', 'PLC', 'CNC', 'OTHER');

-- CreateEnum
CREATE TYPE "MachineStatus" AS ENUM ('IN_SERVICE', 'IDLE', 'RETIRED');

-- CreateTable
CREATE TABLE "Integrator" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Integrator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "County" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "province" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "County_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cluster" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "county" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmeClient" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "legalName" TEXT NOT NULL,
    "legalNameEn" TEXT,
    "creditCode" TEXT,
    "county" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "headcount" INTEGER,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SmeClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterMembership" (
    "integratorId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClusterMembership_pkey" PRIMARY KEY ("clusterId","smeClientId")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workshop" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workshop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductionLine" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductionLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Machine" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "lineId" TEXT,
    "assetTag" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "maker" TEXT,
    "model" TEXT,
    "year" INTEGER,
    "controlType" "ControlType" NOT NULL,
    "networked" BOOLEAN NOT NULL DEFAULT false,
    "operatorsPerShift" INTEGER NOT NULL DEFAULT 1,
    "shiftsPerDay" INTEGER NOT NULL DEFAULT 1,
    "status" "MachineStatus" NOT NULL DEFAULT 'IN_SERVICE',
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Machine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fund" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "budgetFen" BIGINT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "sectors" TEXT[],
    "rules" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundParticipation" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundParticipation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "integratorId" TEXT,
    "smeClientId" TEXT,
    "countyId" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'zh_CN',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "integratorId" TEXT,
    "countyId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Cluster_integratorId_idx" ON "Cluster"("integratorId");

-- CreateIndex
CREATE INDEX "SmeClient_integratorId_legalName_idx" ON "SmeClient"("integratorId", "legalName");

-- CreateIndex
CREATE UNIQUE INDEX "SmeClient_integratorId_creditCode_key" ON "SmeClient"("integratorId", "creditCode");

-- CreateIndex
CREATE INDEX "ClusterMembership_integratorId_idx" ON "ClusterMembership"("integratorId");

-- CreateIndex
CREATE INDEX "ClusterMembership_smeClientId_idx" ON "ClusterMembership"("smeClientId");

-- CreateIndex
CREATE INDEX "Site_integratorId_idx" ON "Site"("integratorId");

-- CreateIndex
CREATE UNIQUE INDEX "Site_smeClientId_name_key" ON "Site"("smeClientId", "name");

-- CreateIndex
CREATE INDEX "Workshop_integratorId_idx" ON "Workshop"("integratorId");

-- CreateIndex
CREATE INDEX "Workshop_smeClientId_idx" ON "Workshop"("smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "Workshop_siteId_name_key" ON "Workshop"("siteId", "name");

-- CreateIndex
CREATE INDEX "ProductionLine_integratorId_idx" ON "ProductionLine"("integratorId");

-- CreateIndex
CREATE INDEX "ProductionLine_smeClientId_idx" ON "ProductionLine"("smeClientId");

-- CreateIndex
CREATE UNIQUE INDEX "ProductionLine_workshopId_name_key" ON "ProductionLine"("workshopId", "name");

-- CreateIndex
CREATE INDEX "Machine_integratorId_smeClientId_status_idx" ON "Machine"("integratorId", "smeClientId", "status");

-- CreateIndex
CREATE INDEX "Machine_lineId_idx" ON "Machine"("lineId");

-- CreateIndex
CREATE UNIQUE INDEX "Machine_smeClientId_assetTag_key" ON "Machine"("smeClientId", "assetTag");

-- CreateIndex
CREATE INDEX "Fund_countyId_idx" ON "Fund"("countyId");

-- CreateIndex
CREATE INDEX "FundParticipation_integratorId_idx" ON "FundParticipation"("integratorId");

-- CreateIndex
CREATE INDEX "FundParticipation_countyId_idx" ON "FundParticipation"("countyId");

-- CreateIndex
CREATE UNIQUE INDEX "FundParticipation_fundId_integratorId_key" ON "FundParticipation"("fundId", "integratorId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_integratorId_idx" ON "User"("integratorId");

-- CreateIndex
CREATE INDEX "User_countyId_idx" ON "User"("countyId");

-- CreateIndex
CREATE INDEX "User_smeClientId_idx" ON "User"("smeClientId");

-- CreateIndex
CREATE INDEX "AuditEvent_integratorId_at_idx" ON "AuditEvent"("integratorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_countyId_at_idx" ON "AuditEvent"("countyId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_integratorId_fkey" FOREIGN KEY ("integratorId") REFERENCES "Integrator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SmeClient" ADD CONSTRAINT "SmeClient_integratorId_fkey" FOREIGN KEY ("integratorId") REFERENCES "Integrator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterMembership" ADD CONSTRAINT "ClusterMembership_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterMembership" ADD CONSTRAINT "ClusterMembership_smeClientId_fkey" FOREIGN KEY ("smeClientId") REFERENCES "SmeClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_smeClientId_fkey" FOREIGN KEY ("smeClientId") REFERENCES "SmeClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionLine" ADD CONSTRAINT "ProductionLine_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Machine" ADD CONSTRAINT "Machine_smeClientId_fkey" FOREIGN KEY ("smeClientId") REFERENCES "SmeClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Machine" ADD CONSTRAINT "Machine_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "ProductionLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Fund" ADD CONSTRAINT "Fund_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundParticipation" ADD CONSTRAINT "FundParticipation_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundParticipation" ADD CONSTRAINT "FundParticipation_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundParticipation" ADD CONSTRAINT "FundParticipation_integratorId_fkey" FOREIGN KEY ("integratorId") REFERENCES "Integrator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_integratorId_fkey" FOREIGN KEY ("integratorId") REFERENCES "Integrator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_smeClientId_fkey" FOREIGN KEY ("smeClientId") REFERENCES "SmeClient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "County"("id") ON DELETE SET NULL ON UPDATE CASCADE;
