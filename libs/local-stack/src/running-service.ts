/** A server this process started (or found), and how to stop it. */
export interface RunningService {
  url: string;
  /** False when an already-running server was reused: stop() then does nothing. */
  startedHere: boolean;
  stop(): Promise<void>;
}
