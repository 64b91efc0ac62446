import { IAMClient } from '@aws-sdk/client-iam';
import { SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.js';
import { fakeIo } from './fakeIo.js';

const ESC = String.fromCharCode(27);
const CHECK = [
  'check',
  '--definition',
  'test/fixtures/cli/simple.asl.json',
  '--state-machine-arn',
  'arn:aws:states:us-east-1:111122223333:stateMachine:orders',
  '--policy',
  'test/fixtures/cli/role-lambda-only.json',
];
const CLIENTS = { sfn: () => new SFNClient({}), iam: () => new IAMClient({}) };

describe('runCli', () => {
  it.each<{ name: string; tty: boolean; env: Record<string, string>; colour: boolean }>([
    { name: 'colours text on a terminal', tty: true, env: {}, colour: true },
    {
      name: 'does not colour text on a terminal when NO_COLOR is set',
      tty: true,
      env: { NO_COLOR: '1' },
      colour: false,
    },
    { name: 'colours text on a terminal when NO_COLOR is empty', tty: true, env: { NO_COLOR: '' }, colour: true },
    { name: 'does not colour text when stdout is not a terminal', tty: false, env: {}, colour: false },
  ])('$name', async ({ tty, env, colour }) => {
    const io = fakeIo({ tty, env });
    const code = await runCli(CHECK, { io, clients: CLIENTS, now: () => new Date('2026-05-01T00:00:00Z') });
    expect(code).toBe(1);
    expect(io.out).toContain('sns:Publish');
    expect(io.out.includes(ESC)).toBe(colour);
  });

  it('stamps the report with the injected time', async () => {
    const io = fakeIo();
    await runCli([...CHECK, '--format', 'json'], { io, clients: CLIENTS, now: () => new Date('2026-05-01T00:00:00Z') });
    expect(JSON.parse(io.out).auditedAt).toBe('2026-05-01T00:00:00.000Z');
  });

  it('returns 2 with one line on stderr for a thrown error of an unexpected kind', async () => {
    const io = fakeIo();
    const failing = {
      sfn: () => {
        throw new TypeError('boom\nsecond line');
      },
      iam: () => new IAMClient({}),
    };
    const code = await runCli(
      ['check', '--state-machine-arn', 'arn:aws:states:us-east-1:111122223333:stateMachine:x'],
      {
        io,
        clients: failing,
      },
    );
    expect(code).toBe(2);
    expect(io.err).toBe('sfn-role-audit: TypeError: boom second line\n');
  });
});
