import { Module } from '@nestjs/common';
import { ApiAuthModule } from '@roster/platform';
import { DirectoriesController } from './directories.controller';
import { DirectoriesService } from './directories.service';
import { DirectoryRemovalService } from './directory-removal.service';

@Module({
  imports: [ApiAuthModule],
  controllers: [DirectoriesController],
  providers: [DirectoriesService, DirectoryRemovalService],
  exports: [DirectoryRemovalService],
})
export class DirectoriesModule {}
