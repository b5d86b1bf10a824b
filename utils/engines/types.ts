/** One interface for every translation engine; engines run in the background only. */

export interface TranslateRequest {
  /** Segments as inline HTML (see utils/page/markup): text with numbered inline tags. */
  segments: string[];
  /** BCP 47 source and target languages. */
  source: string;
  target: string;
  signal?: AbortSignal;
}

export type EngineErrorCode =
  'unsupported-pair' | 'network' | 'http' | 'bad-reply' | 'timeout' | 'cancelled';

/** A failure the reader can act on; `message` is shown as is. */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export interface LanguagePair {
  source: string;
  target: string;
}

export interface TranslationEngine {
  readonly id: string;
  readonly name: string;
  /** The pairs this engine can translate now (fetched from the engine where it says). */
  listPairs(signal?: AbortSignal): Promise<LanguagePair[]>;
  /** Translations in the order of `request.segments`, one per segment, as inline HTML. */
  translate(request: TranslateRequest): Promise<string[]>;
}
