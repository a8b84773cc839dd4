import { Module } from '@nestjs/common';
import { DirectoryTransactions } from './directory-transactions';
import { GroupWriter } from './group-writer';
import { MappingChangeWriter } from './mapping-change-writer';
import { MembershipWriter } from './membership-writer';
import { UserWriter } from './user-writer';

/** The one write path into a directory, shared by SCIM requests and polled providers. Needs DataModule. */
@Module({
  providers: [DirectoryTransactions, GroupWriter, MappingChangeWriter, MembershipWriter, UserWriter],
  exports: [DirectoryTransactions, GroupWriter, MappingChangeWriter, UserWriter],
})
export class DirectorySyncModule {}
