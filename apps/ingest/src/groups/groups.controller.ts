import { Controller, UseGuards } from '@nestjs/common';
import { ScimAuthGuard } from '../auth/scim-auth.guard';
import { ScimResourceController } from '../resources/scim-resource.controller';
import { GroupsService } from './groups.service';

/** RFC 7644 §3 on /Groups. */
@Controller('scim/v2/:directoryId/Groups')
@UseGuards(ScimAuthGuard)
export class GroupsController extends ScimResourceController {
  constructor(protected readonly resources: GroupsService) {
    super();
  }
}
