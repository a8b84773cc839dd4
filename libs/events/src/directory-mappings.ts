/** A group a user belongs to, as listed in the user's `groups`. */
export interface GroupReference {
  id: string;
  name: string;
}

/** The per-directory settings that shape normalized users (CONTRACT section 3). */
export interface DirectoryObjectMappings {
  /** SCIM attribute path -> custom_attributes key. */
  attributeMapping: Record<string, string>;
  /** Group id or group name (case-insensitive) -> role slug(s). */
  roleMapping: Record<string, string | string[]>;
}

export const NO_MAPPINGS: DirectoryObjectMappings = { attributeMapping: {}, roleMapping: {} };

/** Reads a directory's stored JSON mappings, ignoring anything malformed. */
export function readDirectoryMappings(directory: {
  attributeMapping: unknown;
  roleMapping: unknown;
}): DirectoryObjectMappings {
  return {
    attributeMapping: stringRecord(directory.attributeMapping) as Record<string, string>,
    roleMapping: stringRecord(directory.roleMapping, true),
  };
}

/** Role slugs of a user's groups, first-seen order, without duplicates. */
export function rolesForGroups(
  groups: readonly GroupReference[],
  roleMapping: Record<string, string | string[]>,
): string[] {
  const byName = new Map(Object.entries(roleMapping).map(([key, slugs]) => [key.toLowerCase(), slugs]));
  const slugs = new Set<string>();
  for (const group of groups) {
    const mapped = roleMapping[group.id] ?? byName.get(group.name.toLowerCase());
    for (const slug of mapped === undefined ? [] : [mapped].flat()) slugs.add(slug);
  }
  return [...slugs];
}

function stringRecord(value: unknown, allowArrays = false): Record<string, string | string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, entry]) =>
        typeof entry === 'string' ||
        (allowArrays && Array.isArray(entry) && entry.every((item) => typeof item === 'string')),
    ) as [string, string | string[]][],
  );
}
