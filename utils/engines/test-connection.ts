import type { Settings } from '../settings/schema';
import type { EngineKeys } from './keys';
import { EngineRegistry } from './registry';
import { EngineError, type EngineId } from './types';

export interface EngineTestResult {
  ok: boolean;
  /** On success the sample's translation; on failure the engine's own error message. */
  message: string;
  code?: string;
}

/** A word every engine pair we test with knows. */
const SAMPLE = { text: 'Hola', source: 'es' };

/**
 * "Test connection" in the options page: builds the engine from the settings and key being
 * edited (not yet saved) and translates one word with it.
 */
export async function testEngine(
  id: EngineId,
  settings: Settings,
  keys: EngineKeys,
  target: string,
): Promise<EngineTestResult> {
  const engine = new EngineRegistry().get(id, settings, keys);
  const to = target.startsWith(SAMPLE.source) ? 'en' : target;
  const signal = AbortSignal.timeout(15_000);
  try {
    if (!(await engine.supports(SAMPLE.source, to, signal))) {
      return { ok: false, code: 'unsupported-pair', message: `${engine.name}: es → ${to}?` };
    }
    const [translation] = await engine.translate({
      segments: [SAMPLE.text],
      source: SAMPLE.source,
      target: to,
      signal,
    });
    return { ok: true, message: `${SAMPLE.text} → ${translation ?? ''}` };
  } catch (error) {
    return error instanceof EngineError
      ? { ok: false, code: error.code, message: error.message }
      : { ok: false, code: 'internal', message: String(error) };
  }
}
