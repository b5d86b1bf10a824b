import type { Settings } from '../settings/schema';
import { ApertiumEngine } from './apertium';
import type { TranslationEngine } from './types';

/** The engine the reader chose, configured from their settings. */
export function createEngine(settings: Settings): TranslationEngine {
  switch (settings.engine) {
    case 'apertium':
      return new ApertiumEngine(settings.apertium.baseUrl);
  }
}
