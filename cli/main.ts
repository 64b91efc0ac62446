import { createProcessIo } from '../shared/local/createProcessIo.js';
import { createAwsClients } from './createAwsClients.js';
import { runCli } from './runCli.js';
import { silenceSdkNodeVersionWarning } from './silenceSdkNodeVersionWarning.js';

silenceSdkNodeVersionWarning(process.env);
process.exitCode = await runCli(process.argv.slice(2), { io: createProcessIo(), clients: createAwsClients() });
