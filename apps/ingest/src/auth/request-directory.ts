import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { DirectoryContext } from '@roster/directory-sync';

const DIRECTORY = Symbol('scimDirectory');

export function setRequestDirectory(request: object, directory: DirectoryContext): void {
  (request as { [DIRECTORY]?: DirectoryContext })[DIRECTORY] = directory;
}

export function getRequestDirectory(request: object): DirectoryContext | undefined {
  return (request as { [DIRECTORY]?: DirectoryContext })[DIRECTORY];
}

/** The authenticated directory of a SCIM request (set by ScimAuthGuard). */
export const ScimDirectory = createParamDecorator((_: unknown, context: ExecutionContext): DirectoryContext => {
  const directory = context.switchToHttp().getRequest<{ [DIRECTORY]?: DirectoryContext }>()[DIRECTORY];
  if (!directory) throw new Error('ScimDirectory used on a route without ScimAuthGuard');
  return directory;
});
