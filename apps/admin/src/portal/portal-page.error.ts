/**
 * A friendly page instead of a JSON error: expired links, ended sessions, refused
 * forms, pages of another tenant. The portal exception filter renders it.
 */
export class PortalPageError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    /** Where the admin can go from here, when the session is gone. */
    readonly returnUrl: string | null = null,
  ) {
    super(title);
  }

  static invalidLink(): PortalPageError {
    return new PortalPageError(
      404,
      'This link is not valid',
      'The setup link is incomplete or unknown. Ask the application you came from for a new link.',
    );
  }

  static usedLink(returnUrl: string | null): PortalPageError {
    return new PortalPageError(
      410,
      'This link has already been used',
      'Setup links work once, for your security. Go back to the application and open the directory setup again to get a new link.',
      returnUrl,
    );
  }

  static expiredLink(returnUrl: string | null): PortalPageError {
    return new PortalPageError(
      410,
      'This link has expired',
      'Setup links must be opened within 5 minutes. Go back to the application and open the directory setup again to get a new link.',
      returnUrl,
    );
  }

  static signedOut(): PortalPageError {
    return new PortalPageError(
      401,
      'You are not signed in',
      'Open the directory setup from the application to get a new link. Links sign you in for one hour.',
    );
  }

  static sessionExpired(returnUrl: string | null): PortalPageError {
    return new PortalPageError(
      401,
      'Your session has ended',
      'Sessions last one hour. Go back to the application and open the directory setup again to continue; nothing you saved is lost.',
      returnUrl,
    );
  }

  static formRefused(): PortalPageError {
    return new PortalPageError(
      403,
      'This form could not be accepted',
      'The form was not sent from this page, or it is out of date. Go back, reload the page and try again.',
    );
  }

  static notFound(what: string): PortalPageError {
    return new PortalPageError(404, `${what} not found`, `There is no such ${what.toLowerCase()} in your organization.`);
  }
}
