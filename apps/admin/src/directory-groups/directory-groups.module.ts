import { Module } from '@nestjs/common';
import { ApiAuthModule } from '@roster/platform';
import { DirectoryGroupsController } from './directory-groups.controller';
import { DirectoryGroupsService } from './directory-groups.service';

@Module({ imports: [ApiAuthModule], controllers: [DirectoryGroupsController], providers: [DirectoryGroupsService] })
export class DirectoryGroupsModule {}
