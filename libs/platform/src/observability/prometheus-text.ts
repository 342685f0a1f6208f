/**
 * Samples of a Prometheus text exposition, keyed `name{a="1",b="2"}` with the labels sorted by name,
 * so tests and tools can look a sample up whatever order the client library wrote its labels in.
 */
export function parsePrometheusSamples(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels = [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => `${key}="${value}"`).sort();
    samples.set(`${match[1]}${labels.length ? `{${labels.join(',')}}` : ''}`, Number(match[3]));
  }
  return samples;
}

/** The sample's key as parsePrometheusSamples writes it. */
export function sampleKey(name: string, labels: Record<string, string | number> = {}): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${value}"`).sort();
  return `${name}${pairs.length ? `{${pairs.join(',')}}` : ''}`;
}

/** The names of the metric families in a Prometheus text exposition (its `# TYPE` lines). */
export function metricFamilies(text: string): Set<string> {
  return new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map(([, name]) => name));
}
