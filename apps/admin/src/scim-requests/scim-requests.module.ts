import { Module } from '@nestjs/common';
import { ApiAuthModule } from '@roster/platform';
import { ScimRequestsController } from './scim-requests.controller';
import { ScimRequestsService } from './scim-requests.service';

@Module({
  imports: [ApiAuthModule],
  controllers: [ScimRequestsController],
  providers: [ScimRequestsService],
  exports: [ScimRequestsService],
})
export class ScimRequestsModule {}
