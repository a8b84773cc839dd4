import { Global, Module } from '@nestjs/common';
import { ApiAuthModule } from '@roster/platform';
import { AuditLogController } from './audit-log.controller';
import { AuditService } from './audit.service';

@Global()
@Module({ imports: [ApiAuthModule], controllers: [AuditLogController], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
