import { Controller, Get } from '@nestjs/common';
import { ApiError } from '../errors/api-error';
import { ReadinessService } from './readiness.service';

@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 only when Postgres and Redis both answer; else 503 naming what failed. */
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; checks: object }> {
    const result = await this.readiness.check();
    if (result.ready) return { status: 'ok', checks: result.checks };
    const down = Object.entries(result.checks)
      .filter(([, check]) => check.status === 'down')
      .map(([name]) => (name === 'postgres' ? 'Postgres' : 'Redis'));
    throw new ApiError(503, 'not_ready', `${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} not answering.`, {
      checks: result.checks,
    });
  }
}
