/**
 * The AWS SDK's switch for its NodeVersionSupportWarning (SDK releases after January 2027 need Node.js 22), which it
 * prints as a multi-line process warning when a client is made on an older Node.js and which would break the
 * command line's one-line errors; only that warning is off, every other warning is still printed.
 * https://github.com/aws/aws-sdk-js-v3/blob/main/packages/core/src/submodules/client/emitWarningIfUnsupportedVersion.ts
 */
export const SDK_NODE_VERSION_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/** Turns the SDK's Node.js version warning off in `env` (the CLI's process), unless the user set the switch. */
export function silenceSdkNodeVersionWarning(env: Record<string, string | undefined>): void {
  env[SDK_NODE_VERSION_WARNING_SWITCH] ??= 'true';
}
