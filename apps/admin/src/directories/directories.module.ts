import { Module } from '@nestjs/common';
import { DirectorySyncModule } from '@roster/directory-sync';
import { ApiAuthModule } from '@roster/platform';
import { DirectoriesController } from './directories.controller';
import { DirectoriesService } from './directories.service';
import { DirectoryRemovalService } from './directory-removal.service';

@Module({
  imports: [ApiAuthModule, DirectorySyncModule],
  controllers: [DirectoriesController],
  providers: [DirectoriesService, DirectoryRemovalService],
  exports: [DirectoriesService, DirectoryRemovalService],
})
export class DirectoriesModule {}
