import { Module } from '@nestjs/common';
import { ApiAuthModule } from '@roster/platform';
import { PortalLinksController } from './portal-links.controller';
import { PortalLinksService } from './portal-links.service';

@Module({ imports: [ApiAuthModule], controllers: [PortalLinksController], providers: [PortalLinksService] })
export class PortalLinksModule {}
