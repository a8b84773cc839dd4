import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@roster/config';
import {
  GROUP_RESOURCE_TYPE,
  type ResourceTypeDefinition,
  SCIM_URNS,
  sameUrn,
  type SchemaDefinition,
  ScimError,
  USER_RESOURCE_TYPE,
} from '@roster/scim';
import { MAX_COUNT } from '../list/list-request';
import { BULK_LIMITS } from '../bulk/bulk-limits';

const RESOURCE_TYPES = [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE];
const SCHEMAS: SchemaDefinition[] = [
  ...new Map(
    RESOURCE_TYPES.flatMap((type) => [type.schema, ...type.schemaExtensions.map((e) => e.schema)]).map((s) => [
      s.id,
      s,
    ]),
  ).values(),
];

/** RFC 7644 §4 discovery, describing exactly what this server does. */
@Injectable()
export class DiscoveryService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  serviceProviderConfig(directoryId: string) {
    return {
      schemas: [SCIM_URNS.serviceProviderConfig],
      documentationUri: 'https://github.com/roster-dsync/roster/blob/main/docs/architecture.md',
      patch: { supported: true },
      bulk: { supported: true, maxOperations: BULK_LIMITS.maxOperations, maxPayloadSize: BULK_LIMITS.maxPayloadSize },
      filter: { supported: true, maxResults: MAX_COUNT },
      changePassword: { supported: false },
      sort: { supported: true },
      etag: { supported: true },
      authenticationSchemes: [
        {
          type: 'oauthbearertoken',
          name: 'OAuth Bearer Token',
          description:
            "Authentication with the directory's bearer token, shown once when the directory is created or its token rotated.",
          primary: true,
        },
      ],
      meta: { resourceType: 'ServiceProviderConfig', location: `${this.baseUrl(directoryId)}/ServiceProviderConfig` },
    };
  }

  resourceTypes(directoryId: string) {
    return RESOURCE_TYPES.map((type) => this.resourceType(directoryId, type));
  }

  resourceType(directoryId: string, type: ResourceTypeDefinition | string) {
    const definition = typeof type === 'string' ? RESOURCE_TYPES.find((candidate) => candidate.id === type) : type;
    if (!definition) throw ScimError.notFound(`No resource type ${String(type)}`);
    return {
      schemas: [SCIM_URNS.resourceType],
      id: definition.id,
      name: definition.name,
      endpoint: definition.endpoint,
      description: definition.description,
      schema: definition.schema.id,
      schemaExtensions: definition.schemaExtensions.map((extension) => ({
        schema: extension.schema.id,
        required: extension.required,
      })),
      meta: { resourceType: 'ResourceType', location: `${this.baseUrl(directoryId)}/ResourceTypes/${definition.id}` },
    };
  }

  schemas(directoryId: string) {
    return SCHEMAS.map((schema) => this.schema(directoryId, schema.id));
  }

  schema(directoryId: string, urn: string) {
    const schema = SCHEMAS.find((candidate) => sameUrn(candidate.id, urn));
    if (!schema) throw ScimError.notFound(`No schema ${urn}`);
    return {
      schemas: [SCIM_URNS.schema],
      ...schema,
      meta: { resourceType: 'Schema', location: `${this.baseUrl(directoryId)}/Schemas/${schema.id}` },
    };
  }

  private baseUrl(directoryId: string): string {
    return `${this.config.publicScimUrl}/scim/v2/${directoryId}`;
  }
}
