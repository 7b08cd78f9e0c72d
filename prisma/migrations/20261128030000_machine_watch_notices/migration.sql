-- CreateTable
CREATE TABLE "MachineWatchNotice" (
    "projectId" TEXT NOT NULL,
    "machines" TEXT NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MachineWatchNotice_pkey" PRIMARY KEY ("projectId")
);

-- The watch notices' memory belongs to the job alone (run as the owner): no tenant role may read or write it.
ALTER TABLE "MachineWatchNotice" ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON "MachineWatchNotice" FROM retrofit_app;
