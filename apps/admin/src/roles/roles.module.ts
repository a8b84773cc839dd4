import { Module } from '@nestjs/common';
import { ApiAuthModule } from '@roster/platform';
import { RolesController } from './roles.controller';
import { RolesService } from './roles.service';

@Module({ imports: [ApiAuthModule], controllers: [RolesController], providers: [RolesService], exports: [RolesService] })
export class RolesModule {}
