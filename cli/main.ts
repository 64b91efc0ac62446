import { createProcessIo } from '../shared/local/createProcessIo.js';
import { createAwsClients } from './createAwsClients.js';
import { runCli } from './runCli.js';

process.exitCode = await runCli(process.argv.slice(2), { io: createProcessIo(), clients: createAwsClients() });
