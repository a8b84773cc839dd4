/**
 * Wake-ups of webhook lanes, one lane per (endpoint, directory). A job says
 * only "look at this lane": the worker claims the lane's lowest pending
 * delivery from Postgres, so duplicate or lost wake-ups are harmless (the
 * sweep re-wakes due lanes) and no payload or secret ever sits in Redis.
 */
export const WEBHOOK_LANE_QUEUE = 'webhook-lane';

export interface WebhookLaneJob {
  endpointId: string;
  directoryId: string;
}
