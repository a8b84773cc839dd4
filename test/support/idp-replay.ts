import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  captureIds,
  type HttpMethod,
  type Story,
  type StoryAction,
  type StoryRequest,
  statusAccepted,
  substitute,
} from '../../tools/simulate/story-format';

/** A story request with its placeholders filled in, relative to the SCIM base URL. */
export interface ReplayRequest {
  readonly method: HttpMethod;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface ReplayResponse {
  readonly status: number;
  readonly body: unknown;
}

export type Send = (request: ReplayRequest) => Promise<ReplayResponse>;

export interface TranscriptEntry {
  readonly action: StoryAction;
  readonly name: string;
  readonly request: ReplayRequest;
  readonly status: number;
  readonly body: unknown;
}

export interface Replay {
  readonly transcript: TranscriptEntry[];
  /** Every id captured, by placeholder name (the last capture wins, e.g. a re-created user). */
  readonly captured: Record<string, string>;
}

/** A request answered with a status the story does not accept; carries the transcript so far. */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';

  constructor(
    message: string,
    readonly transcript: TranscriptEntry[],
  ) {
    super(message);
  }
}

/**
 * Replays a story through `send`, in order: substitutes the ids captured from
 * earlier responses, checks each status and captures what the request asks for.
 * @throws ReplayError at the first unexpected status or missing capture.
 */
export async function replayStory(story: Story, send: Send): Promise<Replay> {
  const transcript: TranscriptEntry[] = [];
  const captured: Record<string, string> = {};
  for (const step of story.steps) {
    for (const planned of step.requests) {
      const request = fill(planned, captured, transcript);
      const response = await send(request);
      transcript.push({
        action: step.action,
        name: planned.name,
        request,
        status: response.status,
        body: response.body,
      });
      if (!statusAccepted(planned, response.status)) {
        const wanted = JSON.stringify(planned.expect.status);
        throw new ReplayError(
          `${story.provider} / ${step.action} / ${planned.name}: ${request.method} ${request.path} answered ${response.status}, expected ${wanted}: ${JSON.stringify(response.body)}`,
          transcript,
        );
      }
      try {
        Object.assign(captured, captureIds(planned, response.body));
      } catch (error) {
        throw new ReplayError(`${story.provider}: ${(error as Error).message}`, transcript);
      }
    }
  }
  return { transcript, captured };
}

function fill(planned: StoryRequest, captured: Record<string, string>, transcript: TranscriptEntry[]): ReplayRequest {
  try {
    return {
      method: planned.method,
      path: substitute(planned.path, captured),
      headers: planned.headers ?? {},
      ...(planned.body === undefined ? {} : { body: substitute(planned.body, captured) }),
    };
  } catch (error) {
    throw new ReplayError(`${planned.name}: ${(error as Error).message}`, transcript);
  }
}

const FIXTURES = join(__dirname, '..', 'fixtures', 'idp');

/** The story of a provider, from test/fixtures/idp/<provider>/story.json. */
export function loadStory(provider: string): Story {
  return JSON.parse(readFileSync(join(FIXTURES, provider, 'story.json'), 'utf8')) as Story;
}

/** The providers that have a story. */
export const STORY_PROVIDERS = [
  'okta',
  'entra',
  'onelogin',
  'jumpcloud',
  'rippling',
  'pingfederate',
  'pingone',
  'cyberark',
  'generic_scim_v2',
  'generic_scim_v1',
] as const;
