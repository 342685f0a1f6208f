import type { DynamicModule, Type } from '@nestjs/common';
import type { EventHandler, ServiceName } from '@asw/events';
import type { RetentionClass } from './retention/retention';

/** Everything that differs between the four services; the rest is this library. */
export interface SubgraphDefinition {
  name: ServiceName;
  /** Feature modules (one per use-case area). */
  modules: Array<Type<unknown> | DynamicModule>;
  /** TypeORM entities of the service's own database. */
  entities: Function[];
  /** The service's own migrations; the event tables' migration is added by the library. */
  migrations: Function[];
  /**
   * Entity types no root field reaches, such as the `Client` stub a service extends: listed so the
   * schema keeps them (Nest drops unreachable types).
   */
  orphanedTypes?: Function[];
  /** The service that owns `Client` (case) also answers root queries about clients, e.g. the access report. */
  ownsClient?: boolean;
  /**
   * The retention class of each of the service's own tables (the libraries' tables are in
   * LIBRARY_TABLE_RETENTION): what a purge job keeps, and for how long.
   */
  retention: Readonly<Record<string, RetentionClass>>;
  /** Event handler providers (exported by the feature modules) this service consumes with. */
  eventHandlers?: Array<Type<EventHandler<any>>>;
}
