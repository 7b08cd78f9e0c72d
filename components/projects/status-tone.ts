export const statusTone = {
  DRAFT: 'slate',
  QUOTED: 'amber',
  ACCEPTED: 'teal',
  IN_PROGRESS: 'teal',
  COMMISSIONED: 'teal',
  VERIFIED: 'teal',
  CANCELLED: 'red',
} as const;
