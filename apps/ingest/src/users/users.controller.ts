import { Controller, UseGuards } from '@nestjs/common';
import { ScimAuthGuard } from '../auth/scim-auth.guard';
import { ScimResourceController } from '../resources/scim-resource.controller';
import { UsersService } from './users.service';

/** RFC 7644 §3 on /Users. */
@Controller('scim/v2/:directoryId/Users')
@UseGuards(ScimAuthGuard)
export class UsersController extends ScimResourceController {
  constructor(protected readonly resources: UsersService) {
    super();
  }
}
