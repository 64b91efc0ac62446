import packageJson from '../../package.json' with { type: 'json' };

/** The analysis tool a SARIF run names (`tool.driver`). */
export type SarifTool = { name: string; version: string; informationUri: string };

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * sfn-role-audit as a SARIF tool: its name and version from package.json, and where to read about it (the package's
 * `homepage`, else its npm page).
 */
export const SFN_ROLE_AUDIT_TOOL: SarifTool = {
  name: packageJson.name,
  version: packageJson.version,
  informationUri:
    (packageJson as { homepage?: string }).homepage ?? `https://www.npmjs.com/package/${packageJson.name}`,
};

/**
 * `tool.driver` of a run: name, informationUri, version and, when the version is Semantic Versioning 2.0 text,
 * semanticVersion (which GitHub prefers to version).
 */
export function sarifDriverOf(tool: SarifTool) {
  return {
    name: tool.name,
    informationUri: tool.informationUri,
    version: tool.version,
    ...(SEMVER.test(tool.version) ? { semanticVersion: tool.version } : {}),
  };
}
