import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { EVENT_TYPES } from '@roster/events';
import { ApiKeyGuard, parseInput } from '@roster/platform';
import type { FastifyReply } from 'fastify';
import { listEventsQuerySchema } from './event-list.schemas';
import { EventsService } from './events.service';

@ApiTags('events')
@UseGuards(ApiKeyGuard)
@Controller('v1/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiOperation({
    summary: 'List events in log order; long-poll with wait',
    description:
      'Events in one global order that never changes: a reader paging with `after` never skips an event and never sees one twice, ' +
      "even while writes commit concurrently; a directory's events come in the order they were applied. " +
      'Pass `list_metadata.after` back as `after` (it is returned even for an empty page). ' +
      'A cursor whose following events were removed by retention answers 410 `cursor_expired`.',
  })
  @ApiQuery({
    name: 'after',
    required: false,
    description:
      'A cursor from list_metadata.after, or `now` to start at the tail. Omitted: the oldest retained event.',
  })
  @ApiQuery({
    name: 'range_start',
    required: false,
    description: 'RFC 3339 time: start at the first event created at or after it (instead of after).',
  })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } })
  @ApiQuery({
    name: 'types',
    required: false,
    description: 'Comma-separated event types',
    schema: { type: 'string', example: EVENT_TYPES.slice(2, 4).join(',') },
  })
  @ApiQuery({ name: 'tenant_id', required: false })
  @ApiQuery({ name: 'directory_id', required: false })
  @ApiQuery({
    name: 'wait',
    required: false,
    description: 'Seconds to wait for at least one event when none is available yet (long-poll).',
    schema: { type: 'number', minimum: 0, maximum: 30, default: 0 },
  })
  async list(@Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const body = await this.events.list(parseInput(listEventsQuerySchema, query), clientGone(reply));
    // Already JSON: Fastify sends a Buffer as it is.
    void reply.type('application/json; charset=utf-8');
    return body;
  }
}

// Aborts when the client hangs up before the answer, so a long-poll stops waiting for nobody.
function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableEnded) controller.abort();
  });
  return controller.signal;
}
