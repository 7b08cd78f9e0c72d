-- CreateTable
CREATE TABLE "SmeContact" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "role" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SmeContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MachineChange" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "machineId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "source" TEXT NOT NULL,
    "importId" TEXT,
    "kind" TEXT NOT NULL,
    "changes" JSONB NOT NULL,

    CONSTRAINT "MachineChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventoryImport" (
    "id" TEXT NOT NULL,
    "integratorId" TEXT NOT NULL,
    "smeClientId" TEXT NOT NULL,
    "actorId" TEXT,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "sheet" TEXT,
    "rows" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InventoryImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SmeContact_integratorId_idx" ON "SmeContact"("integratorId");

-- CreateIndex
CREATE INDEX "SmeContact_smeClientId_idx" ON "SmeContact"("smeClientId");

-- CreateIndex
CREATE INDEX "MachineChange_machineId_at_idx" ON "MachineChange"("machineId", "at");

-- CreateIndex
CREATE INDEX "MachineChange_integratorId_idx" ON "MachineChange"("integratorId");

-- CreateIndex
CREATE INDEX "InventoryImport_integratorId_at_idx" ON "InventoryImport"("integratorId", "at");

-- CreateIndex
CREATE INDEX "InventoryImport_smeClientId_at_idx" ON "InventoryImport"("smeClientId", "at");

-- CreateIndex
CREATE INDEX "Machine_integratorId_smeClientId_kind_idx" ON "Machine"("integratorId", "smeClientId", "kind");

-- CreateIndex
CREATE INDEX "Machine_integratorId_smeClientId_controlType_idx" ON "Machine"("integratorId", "smeClientId", "controlType");

-- CreateIndex
CREATE INDEX "SmeClient_integratorId_county_idx" ON "SmeClient"("integratorId", "county");

-- CreateIndex
CREATE INDEX "SmeClient_integratorId_sector_idx" ON "SmeClient"("integratorId", "sector");

-- AddForeignKey
ALTER TABLE "SmeContact" ADD CONSTRAINT "SmeContact_smeClientId_fkey" FOREIGN KEY ("smeClientId") REFERENCES "SmeClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MachineChange" ADD CONSTRAINT "MachineChange_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "Machine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventoryImport" ADD CONSTRAINT "InventoryImport_smeClientId_fkey" FOREIGN KEY ("smeClientId") REFERENCES "SmeClient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
