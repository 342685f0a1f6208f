// The case service's domain rules: plain TypeScript, no framework (STYLE.md). Test helpers are not exported.
export * from './case-lifecycle.rules';
export * from './service-need-assessment.rules';
export * from './named-worker.rules';
export * from './routing.rules';
export * from './client-plan.rules';
export * from './service-decision.rules';
export * from './eurohis-qol8.rules';
export * from './activation-plan.rules';
export * from './contact-statistics.rules';
export * from './noste-2016.seed';
export * from './timeline.rules';
export * from './timeline-cursor.codec';
export * from './text.rules';
