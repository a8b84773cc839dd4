import { Module } from '@nestjs/common';
import { ApiAuthModule } from '@roster/platform';
import { DirectoriesModule } from '../directories/directories.module';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

@Module({
  imports: [ApiAuthModule, DirectoriesModule],
  controllers: [TenantsController],
  providers: [TenantsService],
})
export class TenantsModule {}
