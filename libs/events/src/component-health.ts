import { describeError, ErrorRecord } from './event-errors';

/**
 * What one part of the event flow is doing now, and separately the last thing that went wrong.
 * `error` is the failure that holds the component up right now and clears the moment it recovers;
 * `lastError` keeps the most recent failure with its time, so an operator still sees what happened.
 */
export interface ComponentHealth<State extends string = string> {
  state: State;
  /** When the component entered this state. */
  since: Date;
  /** The failure behind the current state; null while healthy. */
  error: ErrorRecord | null;
  lastError: ErrorRecord | null;
}

export class HealthTracker<State extends string> {
  private current: ComponentHealth<State>;

  constructor(initial: State) {
    this.current = { state: initial, since: new Date(), error: null, lastError: null };
  }

  get snapshot(): ComponentHealth<State> {
    return { ...this.current };
  }

  get state(): State {
    return this.current.state;
  }

  /** A healthy state: the current error clears, the last one stays. */
  healthy(state: State): void {
    if (this.current.state !== state || this.current.error) this.current = { ...this.current, state, since: new Date(), error: null };
  }

  /** A failing state with its cause; `since` stays at the first failure while the state does not change. */
  failing(state: State, error: unknown, prefix = ''): ErrorRecord {
    const record: ErrorRecord = { message: `${prefix}${typeof error === 'string' ? error : describeError(error)}`, at: new Date() };
    const since = this.current.state === state && this.current.error ? this.current.since : record.at;
    this.current = { state, since, error: record, lastError: record };
    return record;
  }

  /** A failure that does not change the state (e.g. one event dead-lettered while consuming goes on). */
  noted(error: string): ErrorRecord {
    const record: ErrorRecord = { message: error, at: new Date() };
    this.current = { ...this.current, lastError: record };
    return record;
  }
}
