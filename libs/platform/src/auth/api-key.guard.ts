import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiError } from '../errors/api-error';
import { API_KEY_STRATEGY } from './api-key.strategy';

/** Guards `/v1` routes: a valid API key or 401 in the CONTRACT error shape. */
@Injectable()
export class ApiKeyGuard extends AuthGuard(API_KEY_STRATEGY) {
  override handleRequest<T>(error: unknown, principal: T): T {
    if (error || !principal) {
      throw new ApiError(401, 'unauthorized', 'A valid API key is required: send Authorization: Bearer <API key>.');
    }
    return principal;
  }
}
