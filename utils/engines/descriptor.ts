import * as v from 'valibot';
import type { MessageKey } from '../i18n';
import type { TranslatorHost } from './providers/chrome';
import type { EngineLimits, TranslationEngine } from './types';

/** What engines are built with besides settings and key: injected for tests and Chrome. */
export interface EngineDeps {
  chromeHost?: TranslatorHost;
  fetchImpl?: typeof fetch;
}

/** One setting of an engine, as stored (always a string) and as shown in the options form. */
export interface EngineField {
  /** `url`: an http(s) address, trimmed; `text`: trimmed text matching `pattern`. */
  kind: 'url' | 'text';
  label: MessageKey;
  default: string;
  /** Empty is allowed: it means "the engine's own address" (or "none" for text). */
  optional?: boolean;
  /** For text fields: what a valid value looks like. */
  pattern?: RegExp;
  /** Shown in the empty input, e.g. "the engine's own address". */
  placeholder?: MessageKey;
}

/** The address of a cloud engine that has its own: empty means that one, else the reader's. */
export const OWN_ADDRESS_FIELD: EngineField = {
  kind: 'url',
  label: 'baseUrl',
  default: '',
  optional: true,
  placeholder: 'defaultAddress',
};

/**
 * Everything the rest of the extension needs to know about one engine. The lists of engines,
 * the settings schema's engine part, the key store and the options form derive from these.
 */
export interface EngineDescriptor<
  Id extends string = string,
  Stored extends string = string,
  Field extends string = string,
  Keyed extends boolean = boolean,
> {
  id: Id;
  /**
   * Where it comes in the options' list, lowest first: on-device and keyless engines, then the
   * ones a reader runs, then the keyed cloud services.
   */
  position: number;
  /** The engine's name in the options and popup. */
  label: MessageKey;
  /** Whether it takes an API key (kept in IndexedDB, utils/engines/keys.ts). */
  takesKey: Keyed;
  /** Where its fields are stored in the settings (`googleCloud` for `google-cloud`). */
  settingsKey: Stored;
  fields: Record<Field, EngineField>;
  limits: EngineLimits;
  /** Host match patterns its requests go to with these settings (asked for when chosen). */
  origins(values: Record<Field, string>): string[];
  create(values: Record<Field, string>, key: string, deps: EngineDeps): TranslationEngine<Id>;
}

/** Keeps the literal types of an engine's id, settings key and field names. */
export function defineEngine<
  Id extends string,
  Stored extends string,
  Field extends string,
  Keyed extends boolean,
>(
  descriptor: EngineDescriptor<Id, Stored, Field, Keyed>,
): EngineDescriptor<Id, Stored, Field, Keyed> {
  return descriptor;
}

/** Engines without a setting of their own: nothing stored, nothing in the form. */
export const NO_SETTINGS = { settingsKey: '', fields: {} } as const;

const HTTP_URL = /^https?:\/\//i;

const httpUrl = v.pipe(
  v.string(),
  v.url(),
  v.check((url) => HTTP_URL.test(url), 'Only http and https engine URLs are allowed'),
);

/** A field's validation: trimmed first, so a pasted address with a trailing space is valid. */
export function fieldSchema(field: EngineField): v.GenericSchema<unknown, string> {
  const value =
    field.kind === 'url'
      ? httpUrl
      : v.pipe(v.string(), v.regex(field.pattern ?? /./), v.minLength(1));
  return v.pipe(v.string(), v.trim(), field.optional ? v.union([v.literal(''), value]) : value);
}

/** The value to store, or undefined when the reader's input is not valid for the field. */
export function validFieldValue(field: EngineField, input: string): string | undefined {
  const result = v.safeParse(fieldSchema(field), input);
  return result.success ? result.output : undefined;
}

/** `https://host/*` for a URL: the match pattern of its origin (ports are not part of one). */
export function originPattern(url: string): string[] {
  try {
    const { protocol, hostname } = new URL(url);
    return [`${protocol}//${hostname}/*`];
  } catch {
    return [];
  }
}

const PATTERN = /^(\*|https?):\/\/([^/]+)\//;

/** The patterns of `needed` that the granted host permissions do not cover yet. */
export function missingOrigins(granted: readonly string[], needed: readonly string[]): string[] {
  const covers = (grant: string, pattern: string) => {
    if (grant === '<all_urls>' || grant === pattern) return true;
    const [, grantScheme, grantHost = ''] = PATTERN.exec(grant) ?? [];
    const [, scheme, host = ''] = PATTERN.exec(pattern) ?? [];
    if (!grantScheme || !scheme || (grantScheme !== '*' && grantScheme !== scheme)) return false;
    return (
      grantHost === '*' ||
      grantHost === host ||
      (grantHost.startsWith('*.') &&
        (host === grantHost.slice(2) || host.endsWith(grantHost.slice(1))))
    );
  };
  return needed.filter((pattern) => !granted.some((grant) => covers(grant, pattern)));
}
