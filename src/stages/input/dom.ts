/**
 * linkedom and Readability, loaded on the first HTML page or feed (their CommonJS builds, which load synchronously):
 * a command coding plain text does not pay for them at start.
 */
import { createRequire } from 'node:module';

type Linkedom = typeof import('linkedom');
type ReadabilityModule = typeof import('@mozilla/readability');

const require = createRequire(import.meta.url);
let linkedomModule: Linkedom | null = null;
let readabilityModule: ReadabilityModule | null = null;

export function linkedom(): Linkedom {
  return (linkedomModule ??= require('linkedom') as Linkedom);
}

export function readability(): ReadabilityModule {
  return (readabilityModule ??= require('@mozilla/readability') as ReadabilityModule);
}
