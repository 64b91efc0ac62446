import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../shared/local/InputError.js';
import type { InputLimit } from '../shared/local/inputLimits.js';
import { isRecord } from '../shared/local/isRecord.js';
import { parseJsonText } from '../shared/local/parseJsonText.js';
import { readTextFile } from '../shared/local/readTextFile.js';

/**
 * The most a cloud assembly's manifest.json (or a stack's metadata or asset manifest file) is read: CDK writes every
 * construct's metadata into it, so a large app's manifest runs to megabytes, never to this.
 */
export const CDK_MANIFEST_LIMIT: InputLimit = {
  bytes: 64 * 1024 * 1024,
  what: 'CDK cloud assembly manifest',
  why: 'it lists the stacks and construct metadata of one CDK app',
};

/** Nested assemblies (CDK Stages) deeper than this are refused rather than followed. */
const MAX_ASSEMBLY_DEPTH = 32;

/** One CloudFormation stack of a cloud assembly (`aws:cloudformation:stack` artifact). */
export type CdkStack = {
  /** The artifact id (`Orders`, `ProdOrders1A2B3C4D` inside a Stage). */
  artifactId: string;
  /** The construct path CDK shows for it (`Prod/Orders`). */
  displayName: string;
  /** The name CloudFormation deploys it under (`properties.stackName`, else the artifact id). */
  stackName: string;
  /** The template file, joined to the assembly directory. */
  templatePath: string;
  /** The assembly directory holding the template (nested stack templates and assets are relative to it). */
  directory: string;
  /** Account and Region of `environment: aws://ACCOUNT/REGION`, when not `unknown-account`/`unknown-region`. */
  account?: string;
  region?: string;
  /** Construct path of each logical id of the template (and of its nested stacks), from the artifact's metadata. */
  constructPaths: ReadonlyMap<string, string>;
  /** Local file of each asset object key (`<hash>.json`) of the stack's asset manifests: nested stack templates. */
  assetFiles: ReadonlyMap<string, string>;
};

/**
 * True when a directory holds a cloud assembly: a `manifest.json` file and CDK's `cdk.out` version marker beside it
 * (a web app's `public/manifest.json` is not one).
 */
export async function isCloudAssembly(directory: string): Promise<boolean> {
  const isFile = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() === true;
  return (await isFile(join(directory, 'manifest.json'))) && isFile(join(directory, 'cdk.out'));
}

async function readJson(path: string): Promise<unknown> {
  return parseJsonText(await readTextFile(path, CDK_MANIFEST_LIMIT), path);
}

function stringAt(value: Record<string, unknown>, key: string): string | undefined {
  const field = value[key];
  return typeof field === 'string' && field !== '' ? field : undefined;
}

/** `aws://111122223333/eu-west-1` → its account and Region; CDK's `unknown-account`/`unknown-region` stay unknown. */
export function parseEnvironment(environment: unknown): { account?: string; region?: string } {
  if (typeof environment !== 'string') return {};
  const match = /^aws:\/\/([^/]+)\/([^/]+)$/.exec(environment);
  if (match === null) return {};
  const [, account = '', region = ''] = match;
  return {
    ...(/^\d{12}$/.test(account) ? { account } : {}),
    ...(region !== 'unknown-region' && /^[a-z0-9-]+$/.test(region) ? { region } : {}),
  };
}

/** The metadata of an artifact: inline (`metadata`) and in its `additionalMetadataFile` (CDK 2.150 and later). */
async function metadataOf(artifact: Record<string, unknown>, directory: string): Promise<Record<string, unknown>[]> {
  const parts: Record<string, unknown>[] = [];
  if (isRecord(artifact.metadata)) parts.push(artifact.metadata);
  const file = stringAt(artifact, 'additionalMetadataFile');
  if (file !== undefined) {
    const extra = await readJson(join(directory, file));
    if (isRecord(extra)) parts.push(extra);
  }
  return parts;
}

/** Logical id → construct path (without its leading `/`) from `aws:cdk:logicalId` metadata entries. */
function constructPathsOf(metadata: readonly Record<string, unknown>[]): Map<string, string> {
  const paths = new Map<string, string>();
  for (const part of metadata) {
    for (const [path, entries] of Object.entries(part)) {
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        if (isRecord(entry) && entry.type === 'aws:cdk:logicalId' && typeof entry.data === 'string') {
          if (!paths.has(entry.data)) paths.set(entry.data, path.replace(/^\//, ''));
        }
      }
    }
  }
  return paths;
}

/** Object key → local source path of every file asset in the given asset manifests (`*.assets.json`). */
async function assetFilesOf(manifests: readonly string[], directory: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const manifest of manifests) {
    const value = await readJson(join(directory, manifest));
    if (!isRecord(value) || !isRecord(value.files)) continue;
    for (const asset of Object.values(value.files)) {
      if (!isRecord(asset) || !isRecord(asset.source) || !isRecord(asset.destinations)) continue;
      const source = stringAt(asset.source, 'path');
      if (source === undefined || (asset.source.packaging ?? 'file') !== 'file') continue;
      for (const destination of Object.values(asset.destinations)) {
        const key = isRecord(destination) ? stringAt(destination, 'objectKey') : undefined;
        if (key !== undefined) files.set(key, join(directory, source));
      }
    }
  }
  return files;
}

async function stacksOf(directory: string, depth: number, visited: Set<string>): Promise<CdkStack[]> {
  const manifestPath = join(directory, 'manifest.json');
  if (depth > MAX_ASSEMBLY_DEPTH) throw new InputError(`${manifestPath}: nested assemblies deeper than ${depth - 1}`);
  const key = resolve(directory);
  if (visited.has(key)) throw new InputError(`${manifestPath}: the assembly contains itself`);
  visited.add(key);
  if (depth === 1 && (await stat(manifestPath).catch(() => undefined)) === undefined) {
    throw new InputError(`${directory}: not a CDK cloud assembly, it has no manifest.json (run cdk synth first)`);
  }
  const manifest = await readJson(manifestPath);
  if (!isRecord(manifest) || !isRecord(manifest.artifacts)) {
    throw new InputError(`${manifestPath}: no "artifacts" (is this the manifest.json of a CDK cloud assembly?)`);
  }
  const artifacts = Object.entries(manifest.artifacts).filter((entry): entry is [string, Record<string, unknown>] =>
    isRecord(entry[1]),
  );
  const assetManifests = new Map<string, string>();
  for (const [id, artifact] of artifacts) {
    const file = isRecord(artifact.properties) ? stringAt(artifact.properties, 'file') : undefined;
    if (artifact.type === 'cdk:asset-manifest' && file !== undefined) assetManifests.set(id, file);
  }
  const stacks: CdkStack[] = [];
  for (const [id, artifact] of artifacts) {
    const properties = isRecord(artifact.properties) ? artifact.properties : {};
    if (artifact.type === 'cdk:cloud-assembly') {
      const nested = stringAt(properties, 'directoryName');
      if (nested === undefined) throw new InputError(`${manifestPath}: artifact ${id} has no directoryName`);
      stacks.push(...(await stacksOf(join(directory, nested), depth + 1, visited)));
      continue;
    }
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    const templateFile = stringAt(properties, 'templateFile');
    if (templateFile === undefined) throw new InputError(`${manifestPath}: stack ${id} has no templateFile`);
    const dependencies = Array.isArray(artifact.dependencies) ? artifact.dependencies : [];
    const manifests = dependencies.flatMap((dependency) => {
      const file = typeof dependency === 'string' ? assetManifests.get(dependency) : undefined;
      return file === undefined ? [] : [file];
    });
    stacks.push({
      artifactId: id,
      displayName: stringAt(artifact, 'displayName') ?? id,
      stackName: stringAt(properties, 'stackName') ?? id,
      templatePath: join(directory, templateFile),
      directory,
      ...parseEnvironment(artifact.environment),
      constructPaths: constructPathsOf(await metadataOf(artifact, directory)),
      assetFiles: await assetFilesOf(manifests, directory),
    });
  }
  return stacks;
}

/**
 * Every CloudFormation stack of the cloud assembly in `directory` (what `cdk synth` writes to cdk.out), in manifest
 * order, with the stacks of nested assemblies (CDK Stages, `cdk:cloud-assembly` artifacts) where they appear.
 * Schema: https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.cloud_assembly_schema-readme.html (manifest.json).
 */
export async function readCloudAssembly(directory: string): Promise<CdkStack[]> {
  return stacksOf(directory, 1, new Set());
}
