const details = new WeakMap<object, string>();

/** Remembers why a request failed, for its line in the SCIM request log. */
export function recordErrorDetail(request: object, detail: string): void {
  details.set(request, detail);
}

export function errorDetailOf(request: object): string | undefined {
  return details.get(request);
}
