import { readFileSync } from 'node:fs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type {
  AuditHandlerDeps,
  AuditMetricName,
  AuditSink,
  SinkDelivery,
  StoredAudit,
} from '../../../functions/audit/types.js';
import type { DeliveryKey, PermissionSimulator, ReportChange, StateMachineLookup } from '../../../shared/ports.js';
import type { AuditReport, Decision, SimulationRequest } from '../../../shared/types.js';

export const SM_ARN = 'arn:aws:states:eu-west-1:111122223333:stateMachine:OrderPipeline';
export const ROLE_ARN = 'arn:aws:iam::111122223333:role/service/OrderPipelineRole';

/** A Lambda invoke followed by an ECS runTask.sync: needs invoke, run, poll, events and cancel permissions. */
export const DEFINITION = JSON.stringify({
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'arn:aws:lambda:eu-west-1:111122223333:function:ChargeCard', 'Payload.$': '$' },
      Next: 'Report',
    },
    Report: {
      Type: 'Task',
      Resource: 'arn:aws:states:::ecs:runTask.sync',
      Parameters: {
        Cluster: 'arn:aws:ecs:eu-west-1:111122223333:cluster/main',
        TaskDefinition: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/report:3',
        LaunchType: 'FARGATE',
      },
      End: true,
    },
  },
});

/** Reads a CloudTrail sample from test/fixtures/cloudtrail. */
export function loadEvent(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../fixtures/cloudtrail/${name}.json`, import.meta.url), 'utf8'));
}

/** The sample with a different eventID (and, when given, the ARN field replaced). */
export function withEventId(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  const detail = event.detail as Record<string, unknown>;
  return { ...event, detail: { ...detail, eventID: eventId } };
}

/** Wraps bodies into an SQS event (message ids m0, m1, …). */
export function sqsEvent(bodies: (string | Record<string, unknown>)[]): SQSEvent {
  const Records = bodies.map(
    (body, index): SQSRecord => ({
      messageId: `m${index}`,
      receiptHandle: `rh${index}`,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1777600000000',
        SenderId: 'AIDAEXAMPLE',
        ApproximateFirstReceiveTimestamp: '1777600000000',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:111122223333:sfn-role-audit-events',
      awsRegion: 'eu-west-1',
    }),
  );
  return { Records };
}

/** A simulator that allows exactly the listed actions. */
export function allowOnly(actions: string[]): PermissionSimulator {
  return {
    name: 'fake',
    simulate: async (requests: SimulationRequest[]) =>
      requests.map(
        (r): Decision => ({
          action: r.action,
          resource: r.resource,
          decision: actions.includes(r.action) ? 'allowed' : 'implicitDeny',
        }),
      ),
  };
}

/** A straightforward ReportChange over stored findings (the real one lives in shared/aws). */
export function simpleChange(previous: StoredAudit | undefined, report: AuditReport): ReportChange {
  const before = new Map((previous?.findings ?? []).map((f) => [f.id, f.severity]));
  const now = new Set(report.findings.map((f) => f.id));
  return {
    newOrWorse: report.findings.filter((f) => before.get(f.id) !== f.severity).map((f) => f.id),
    resolved: (previous?.findings ?? []).filter((f) => !now.has(f.id)),
    allClear: (previous?.findings.length ?? 0) > 0 && report.findings.length === 0,
    first: previous === undefined,
  };
}

export type Fakes = {
  deps: AuditHandlerDeps;
  described: string[];
  logs: { level: string; message: string; attributes?: Record<string, unknown> }[];
  metrics: { name: AuditMetricName; value: number; dimension?: { name: string; value: string } }[];
  published: { sink: string; report: AuditReport; change: ReportChange }[];
  stored: Map<string, StoredAudit>;
  /** Event ids marked done. */
  processedEvents: Set<string>;
  /** Event ids claimed and not yet done or released, with their owner. */
  claims: Map<string, string>;
  /** Delivery records, as `KEY|SINK` → the claiming owner, or `sent`. */
  deliveries: Map<string, string>;
};

/** Recording fakes for every handler dependency; `lookups` answers describe() by ARN (default: found, DEFINITION). */
export function createFakes(
  options: {
    lookups?: Record<string, StateMachineLookup | Error>;
    tags?: Record<string, string>;
    allowed?: string[];
    roleFound?: boolean;
  } = {},
): Fakes {
  const fakes: Omit<Fakes, 'deps'> = {
    described: [],
    logs: [],
    metrics: [],
    published: [],
    stored: new Map(),
    processedEvents: new Set(),
    claims: new Map(),
    deliveries: new Map(),
  };
  const sink = (name: string, onlyNotable: boolean, onArchive: boolean, delivery: SinkDelivery): AuditSink => ({
    sink: { name, publish: async (report, change) => void fakes.published.push({ sink: name, report, change }) },
    onlyNotable,
    onArchive,
    delivery,
  });
  const deliveryId = (key: DeliveryKey, sinkName: string) =>
    `${key.scope === 'event' ? key.eventId : `${key.stateMachineArn}#${key.fingerprint}`}|${sinkName}`;
  let owners = 0;
  const log = (level: string) => (message: string, attributes?: Record<string, unknown>) =>
    void fakes.logs.push({ level, message, ...(attributes === undefined ? {} : { attributes }) });
  const deps: AuditHandlerDeps = {
    source: {
      describe: async (arn) => {
        fakes.described.push(arn);
        const answer = options.lookups?.[arn];
        if (answer instanceof Error) throw answer;
        return (
          answer ?? {
            found: true,
            description: { stateMachineArn: arn, name: 'OrderPipeline', definition: DEFINITION, roleArn: ROLE_ARN },
            ...(options.tags === undefined ? {} : { tags: options.tags }),
          }
        );
      },
    },
    resolvePrincipal: async () => ({
      roleFound: options.roleFound ?? true,
      simulator: allowOnly(options.allowed ?? ['lambda:InvokeFunction', 'ecs:RunTask', 'iam:PassRole']),
    }),
    store: {
      load: async (arn) => fakes.stored.get(arn),
      save: async (report, lastEventId) => {
        const arn = report.stateMachine.arn ?? '';
        fakes.stored.set(arn, {
          stateMachineArn: arn,
          roleArn: report.role.arn,
          findings: report.findings.map((f) => ({ id: f.id, severity: f.severity })),
          auditedAt: report.auditedAt,
          ...(lastEventId === undefined ? {} : { lastEventId }),
        });
      },
      remove: async (arn) => void fakes.stored.delete(arn),
      claimEvent: async (id, owner) => {
        if (fakes.processedEvents.has(id)) return 'done';
        if (fakes.claims.has(id)) return 'leased';
        fakes.claims.set(id, owner);
        return 'claimed';
      },
      completeEvent: async (id) => {
        fakes.claims.delete(id);
        fakes.processedEvents.add(id);
      },
      releaseEvent: async (id, owner) => {
        if (fakes.claims.get(id) === owner) fakes.claims.delete(id);
      },
      claimDelivery: async (key, sinkName, owner) => {
        const id = deliveryId(key, sinkName);
        const found = fakes.deliveries.get(id);
        if (found === 'sent') return 'sent';
        if (found !== undefined) return 'sending';
        fakes.deliveries.set(id, owner);
        return 'claimed';
      },
      completeDelivery: async (key, sinkName) => void fakes.deliveries.set(deliveryId(key, sinkName), 'sent'),
      releaseDelivery: async (key, sinkName, owner) => {
        const id = deliveryId(key, sinkName);
        if (fakes.deliveries.get(id) === owner) fakes.deliveries.delete(id);
      },
    },
    computeChange: simpleChange,
    sinks: [
      sink('securityhub', false, true, 'reimport'),
      sink('sns', true, false, 'change'),
      sink('eventbridge', false, false, 'event'),
    ],
    notifyMinSeverity: 'HIGH',
    log: { info: log('info'), warn: log('warn'), error: log('error') },
    metrics: {
      add: (name, value, dimension) => void fakes.metrics.push({ name, value, ...(dimension ? { dimension } : {}) }),
      flush: () => {},
    },
    now: () => new Date('2026-05-01T01:24:00Z'),
    newClaimOwner: () => {
      owners += 1;
      return `owner-${owners}`;
    },
    takeIamCalls: () => 7,
  };
  return { ...fakes, deps };
}

/** Sum of a metric's values. */
export function metricTotal(fakes: Fakes, name: AuditMetricName): number {
  return fakes.metrics.filter((m) => m.name === name).reduce((sum, m) => sum + m.value, 0);
}
