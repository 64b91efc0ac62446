import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type SarifArtifact, SOURCE_ROOT_ID } from '../shared/findings/renderSarif.js';
import { realPathOf } from './findRepositoryRoot.js';

/** A URI with a scheme (an ARN, `s3://…`), as opposed to a path; a Windows drive letter is a path. */
const URI_WITH_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]+:/;

/** Where the paths of one run are relative to: the working folder the user typed them in and the repository root. */
export type PathBase = { cwd: string; root: string };

/**
 * The SARIF artifact of a path as the user typed it (absolute, `./x`, `../repo/x`): its real path relative to the
 * repository root, percent-encoded per segment, against `%SRCROOT%`; a `file:` URI for a file outside the repository;
 * the text itself for a URI (the ARN of a live check).
 */
export function artifactLocationOf(path: string, base: PathBase): SarifArtifact {
  if (URI_WITH_SCHEME.test(path) && !/^[A-Za-z]:[\\/]/.test(path)) return { uri: path };
  const absolute = realPathOf(resolve(base.cwd, path));
  const inRepository = relative(base.root, absolute);
  if (inRepository === '' || inRepository === '..' || inRepository.startsWith(`..${sep}`) || isAbsolute(inRepository)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: inRepository.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT_ID };
}

/** The `file:` URI of the repository root, ending in `/` as SARIF wants for a base (§3.14.14). */
export function sourceRootUriOf(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A repository-relative path as a person reads it (JUnit `file`): the artifact URI decoded, or the URI itself. */
export function displayPathOf(artifact: SarifArtifact): string {
  if (artifact.uriBaseId === undefined) return artifact.uri;
  return artifact.uri.split('/').map(decodeURIComponent).join('/');
}
