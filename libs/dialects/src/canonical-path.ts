import {
  type ResourceTypeDefinition,
  findAttribute,
  findSchemaExtension,
  parsePatchPath,
  resolveAttribute,
} from '@roster/scim';
import { canonicalSingle, canonicalValue, type ValueOptions } from './canonical-value';
import { bareExtensionAttribute } from './resolve-body-key';
import type { ResourceTypeName } from './resource-types';
import { canonicalPathPrefix, canonicalSchemaUrn, isUrn } from './scim-urns';

/**
 * A PATCH path (or a path-like key of a path-less value) in canonical form:
 * trimmed, 1.1 and malformed URN prefixes rewritten, and enterprise attributes
 * named bare (`manager`, as Entra's legacy mapping does) qualified with their URN.
 */
export function canonicalPath(path: string, resourceType: ResourceTypeDefinition): string {
  const name = resourceType.id as ResourceTypeName;
  const trimmed = path.trim();
  if (isUrn(trimmed)) {
    const whole = canonicalSchemaUrn(trimmed, name);
    return whole === trimmed ? canonicalPathPrefix(trimmed, name) : whole;
  }
  const head = /^[^.[]+/.exec(trimmed)?.[0] ?? trimmed;
  const extension = bareExtensionAttribute(head, resourceType);
  return extension ? `${extension.urn}:${trimmed}` : trimmed;
}

/**
 * The canonical form of an operation's value for the attribute its (canonical)
 * path names; undefined when the client sent nothing usable (a placeholder).
 * Paths the schemas do not know keep their value as sent: the core reports them.
 */
export function canonicalPathValue(
  path: string,
  value: unknown,
  resourceType: ResourceTypeDefinition,
  options: ValueOptions,
): unknown {
  const parsed = tryParsePath(path);
  if (parsed === undefined) return value;
  const { uri, name } = parsed.path;
  const extension = uri === undefined ? undefined : findSchemaExtension(resourceType, `${uri}:${name}`);
  if (extension && parsed.path.subAttribute === undefined && parsed.filter === undefined) {
    return canonicalValue({ ...extensionAsAttribute(extension), name: path }, value, path, options);
  }
  const resolved = resolveAttribute(resourceType, { ...(uri === undefined ? {} : { uri }), name });
  if (resolved === undefined) return value;
  const definition = resolved.attribute;
  const subName = parsed.path.subAttribute ?? parsed.subAttribute;
  if (subName !== undefined) {
    const sub = findAttribute(definition.subAttributes, subName);
    return sub ? canonicalValue(sub, value, path, options) : value;
  }
  // A filtered path addresses matching elements: the value is one element.
  if (parsed.filter !== undefined) return canonicalSingle(definition, value, path, { ...options, keepNull: false });
  // Entra's legacy manager update sends a one-element array of {$ref, value}.
  const single = definition.name === 'manager' && Array.isArray(value) ? value[0] : value;
  return canonicalValue(definition, single, path, options);
}

function tryParsePath(path: string): ReturnType<typeof parsePatchPath> | undefined {
  try {
    return parsePatchPath(path);
  } catch {
    return undefined;
  }
}

// A whole extension object behaves as a singular complex attribute of its attributes.
function extensionAsAttribute(schema: NonNullable<ReturnType<typeof findSchemaExtension>>) {
  return {
    name: schema.id,
    type: 'complex' as const,
    multiValued: false,
    description: schema.description,
    required: false,
    caseExact: false,
    mutability: 'readWrite' as const,
    returned: 'default' as const,
    uniqueness: 'none' as const,
    subAttributes: schema.attributes,
  };
}
