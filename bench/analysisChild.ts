/**
 * `node --import tsx bench/analysisChild.ts <definition file>`: one analysis sample (bench/analysisSample.ts) in this
 * fresh process, printed as one JSON line for bench/run.ts.
 */
import { readFileSync } from 'node:fs';
import { sampleAnalysis } from './analysisSample.js';

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: node --import tsx bench/analysisChild.ts <definition file>');
console.log(JSON.stringify(sampleAnalysis(readFileSync(file, 'utf8'))));
