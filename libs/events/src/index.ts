export {
  DEPROVISIONING_MODES,
  type DeprovisioningMode,
  DIRECTORY_PROVIDERS,
  type DirectoryProvider,
} from './directory-provider';
export {
  type DirectoryObject,
  type DirectoryRecord,
  scimBaseUrl,
  scimBaseUrlForIdp,
  toDirectoryObject,
} from './directory-object';
export { type EventObject, type EventRecord, toEventObject } from './event-object';
export { EVENT_TYPES, type EventType, isEventType } from './event-types';
export type { NewEvent } from './new-event';
export {
  type DirectoryObjectMappings,
  type GroupReference,
  NO_MAPPINGS,
  readDirectoryMappings,
  rolesForGroups,
} from './directory-mappings';
export { type DirectoryGroupObject, type DirectoryGroupRecord, toDirectoryGroupObject } from './directory-group-object';
export {
  type DirectoryUserObject,
  type DirectoryUserRecord,
  toDirectoryUserObject,
  type UserEmail,
} from './directory-user-object';
export { previousAttributes } from './previous-attributes';
export {
  type EventScope,
  groupChangeEvents,
  membershipEvent,
  type ObjectChange,
  userChangeEvents,
} from './directory-change-events';
