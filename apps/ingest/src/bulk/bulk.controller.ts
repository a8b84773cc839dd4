import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import type { DirectoryContext } from '@roster/directory-sync';
import { ScimAuthGuard } from '../auth/scim-auth.guard';
import { ScimDirectory } from '../auth/request-directory';
import { readBulkRequest } from './bulk-request';
import { BulkService } from './bulk.service';

@Controller('scim/v2/:directoryId/Bulk')
@UseGuards(ScimAuthGuard)
export class BulkController {
  constructor(private readonly bulk: BulkService) {}

  @Post()
  @HttpCode(200)
  run(@ScimDirectory() directory: DirectoryContext, @Body() body: unknown) {
    return this.bulk.run(directory, readBulkRequest(body));
  }
}
