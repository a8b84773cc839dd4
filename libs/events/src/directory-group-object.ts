/** The stored fields a directory group object is built from (a `directory_groups` row). */
export interface DirectoryGroupRecord {
  id: string;
  directoryId: string;
  tenantId: string;
  externalId: string | null;
  displayName: string;
  attributes: unknown;
  createdAt: Date;
  updatedAt: Date;
}

/** The normalized directory group of CONTRACT section 5. */
export interface DirectoryGroupObject {
  object: 'directory_group';
  id: string;
  idp_id: string | null;
  directory_id: string;
  tenant_id: string;
  name: string;
  raw_attributes: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export function toDirectoryGroupObject(group: DirectoryGroupRecord): DirectoryGroupObject {
  const raw = group.attributes;
  return {
    object: 'directory_group',
    id: group.id,
    idp_id: group.externalId,
    directory_id: group.directoryId,
    tenant_id: group.tenantId,
    name: group.displayName,
    raw_attributes:
      typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {},
    created_at: group.createdAt.toISOString(),
    updated_at: group.updatedAt.toISOString(),
  };
}
