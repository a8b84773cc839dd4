import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('hides the values of secret query parameters only (found by the secrets e2e test: portal links were logged)', () => {
    expect(redactUrl('/portal/open?token=portal_abc')).toBe('/portal/open?token=[redacted]');
    expect(redactUrl('/x?a=1&Token=s&b=2&%74oken=t')).toBe('/x?a=1&Token=[redacted]&b=2&%74oken=[redacted]');
    expect(redactUrl('/scim/v2/d/Users?filter=userName%20eq%20%22a%22')).toBe('/scim/v2/d/Users?filter=userName%20eq%20%22a%22');
    expect(redactUrl('/health')).toBe('/health');
    expect(redactUrl(undefined)).toBeUndefined();
  });
});
