import { Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DirectoriesRepository } from '@roster/data';
import { ApiError, ApiKeyGuard } from '@roster/platform';
import { DirectorySyncStateRepository } from './directory-sync-state.repository';
import { type DirectorySyncObject, toDirectorySyncObject } from './directory-sync.object';
import { GoogleSyncScheduler } from './google-sync-scheduler';

@ApiTags('directory-sync')
@UseGuards(ApiKeyGuard)
@Controller('v1/directories/:id/sync')
export class GoogleSyncController {
  constructor(
    private readonly directories: DirectoriesRepository,
    private readonly state: DirectorySyncStateRepository,
    private readonly scheduler: GoogleSyncScheduler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Sync status of a google_workspace directory: last run, result, error and counts' })
  async get(@Param('id') id: string): Promise<DirectorySyncObject> {
    await this.requirePolled(id);
    return toDirectorySyncObject(id, await this.state.find(id));
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Sync a google_workspace directory now',
    description: 'Queues a sync (a no-op while one is already queued; never two at once) and returns the current status.',
  })
  async syncNow(@Param('id') id: string): Promise<DirectorySyncObject> {
    await this.requirePolled(id);
    await this.scheduler.syncNow(id);
    return toDirectorySyncObject(id, await this.state.find(id));
  }

  private async requirePolled(id: string): Promise<void> {
    const directory = await this.directories.findById(id);
    if (!directory) throw ApiError.notFound('directory', id);
    if (directory.provider !== 'google_workspace') {
      throw ApiError.badRequest('not_a_polled_directory', 'Only google_workspace directories are synced by polling.');
    }
  }
}
