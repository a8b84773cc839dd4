import { Module } from '@nestjs/common';
import { ApiAuthModule } from '@roster/platform';
import { EventLogListenerModule } from './event-log-listener.module';
import { EventsController } from './events.controller';
import { EventPageReadAhead } from './event-page-read-ahead';
import { EventsService } from './events.service';

/** `GET /v1/events` (CONTRACT section 6). */
@Module({
  imports: [ApiAuthModule, EventLogListenerModule],
  controllers: [EventsController],
  providers: [EventsService, EventPageReadAhead],
})
export class EventsModule {}
