// Public API of @roster/directory-sync: the transactional write path for directory users and groups.
export { type DirectoryContext, toDirectoryContext } from './directory-context';
export { DirectorySyncModule } from './directory-sync.module';
export { DirectoryTransactions, type GroupedWork } from './directory-transactions';
export { GroupWriter } from './group-writer';
export { MappingChangeWriter } from './mapping-change-writer';
export { normalizedUser } from './normalized-objects';
export { UserWriter } from './user-writer';
export { checkVersion, notFound } from './write-preconditions';
export type { WriteOutcome } from './write-outcome';
