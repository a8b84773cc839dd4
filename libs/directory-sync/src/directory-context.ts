import type { Directory } from '@roster/data';
import { type DeprovisioningMode, type DirectoryObjectMappings, readDirectoryMappings } from '@roster/events';

/** What a write needs to know about its directory, read once per request. */
export interface DirectoryContext {
  id: string;
  tenantId: string;
  provider: string;
  deprovisioning: DeprovisioningMode;
  mappings: DirectoryObjectMappings;
}

export function toDirectoryContext(directory: Directory): DirectoryContext {
  return {
    id: directory.id,
    tenantId: directory.tenantId,
    provider: directory.provider,
    deprovisioning: directory.deprovisioning === 'deactivate' ? 'deactivate' : 'delete',
    mappings: readDirectoryMappings(directory),
  };
}
