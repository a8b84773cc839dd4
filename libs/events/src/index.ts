export { DEPROVISIONING_MODES, type DeprovisioningMode, DIRECTORY_PROVIDERS, type DirectoryProvider } from './directory-provider';
export { type DirectoryObject, type DirectoryRecord, scimBaseUrl, toDirectoryObject } from './directory-object';
export { type EventObject, type EventRecord, toEventObject } from './event-object';
export { EVENT_TYPES, type EventType, isEventType } from './event-types';
export type { NewEvent } from './new-event';
