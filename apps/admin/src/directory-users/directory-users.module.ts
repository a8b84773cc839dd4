import { Module } from '@nestjs/common';
import { ApiAuthModule } from '@roster/platform';
import { DirectoryUsersController } from './directory-users.controller';
import { DirectoryUsersService } from './directory-users.service';

@Module({ imports: [ApiAuthModule], controllers: [DirectoryUsersController], providers: [DirectoryUsersService] })
export class DirectoryUsersModule {}
