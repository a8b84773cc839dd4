import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@roster/config';
import { PlatformModule } from '@roster/platform';

/** The SCIM 2.0 service provider that identity providers push to (CONTRACT section 4). */
@Module({})
export class IngestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: IngestModule, imports: [PlatformModule.forRoot('ingest', config)] };
  }
}
