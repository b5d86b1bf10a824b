// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  CONFIGURABLE_ENGINES,
  ENGINE_CHOICES,
  ENGINE_IDS,
  ENGINES,
  KEYED_ENGINES,
  choiceLabel,
} from '@/utils/engines/catalog';
import { missingOrigins, type EngineField } from '@/utils/engines/descriptor';
import { EngineRegistry } from '@/utils/engines/registry';
import english from '@/public/_locales/en/messages.json';
import { DEFAULT_SETTINGS, parseSettings } from '@/utils/settings/schema';

const fieldsOf = (engine: (typeof ENGINES)[number]) =>
  Object.entries<EngineField>(engine.fields as Record<string, EngineField>);
const NO_KEYS = Object.fromEntries(KEYED_ENGINES.map((id) => [id, ''])) as Record<
  (typeof KEYED_ENGINES)[number],
  string
>;

describe('the engine catalog', () => {
  it('derives the ids, the choices and the keyed engines from the descriptors', () => {
    expect(ENGINE_IDS).toEqual(ENGINES.map((e) => e.id));
    expect(new Set(ENGINE_IDS).size).toBe(ENGINE_IDS.length);
    expect(ENGINE_CHOICES).toEqual(['auto', ...ENGINE_IDS]);
    expect(KEYED_ENGINES).toEqual(ENGINES.filter((e) => e.takesKey).map((e) => e.id));
    expect(KEYED_ENGINES).toEqual(
      expect.arrayContaining(['libretranslate', 'deepl', 'google-cloud', 'microsoft', 'openai']),
    );
    for (const choice of [...ENGINE_CHOICES, 'none'] as const) {
      expect(Object.keys(english)).toContain(choiceLabel(choice));
    }
  });

  it('keeps the stored settings keys of earlier versions (googleCloud, not google-cloud)', () => {
    // More engines may come; these keys are in readers' profiles and must stay.
    expect(CONFIGURABLE_ENGINES.map((e) => e.settingsKey)).toEqual(
      expect.arrayContaining([
        'apertium',
        'libretranslate',
        'deepl',
        'googleCloud',
        'microsoft',
        'openai',
      ]),
    );
    expect(DEFAULT_SETTINGS.googleCloud).toEqual({ baseUrl: '' });
    expect(DEFAULT_SETTINGS.microsoft).toEqual({ region: '', baseUrl: '' });
  });

  it('builds every engine from its settings in the registry, with its own limits', () => {
    const registry = new EngineRegistry();
    for (const descriptor of ENGINES) {
      const engine = registry.get(descriptor.id, DEFAULT_SETTINGS, NO_KEYS);
      expect(engine.id).toBe(descriptor.id);
      expect(engine.limits).toBe(descriptor.limits);
    }
  });

  it('round-trips each descriptor’s fields through the schema, with defaults for nothing', () => {
    for (const engine of CONFIGURABLE_ENGINES) {
      const fields = fieldsOf(engine);
      const defaults = Object.fromEntries(fields.map(([name, f]) => [name, f.default]));
      expect(DEFAULT_SETTINGS[engine.settingsKey]).toEqual(defaults);
      const values = Object.fromEntries(
        fields.map(([name, f]) => [
          name,
          f.kind === 'url' ? 'http://127.0.0.1:8080/x' : name === 'region' ? 'westeurope' : 'm1',
        ]),
      );
      const parsed = parseSettings({ [engine.settingsKey]: values });
      expect(parsed[engine.settingsKey]).toEqual(values);
      expect(parseSettings(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
    }
  });

  it('trims every URL field, and an address that is no http(s) URL falls back to the default', () => {
    const urlFields = CONFIGURABLE_ENGINES.flatMap((engine) =>
      fieldsOf(engine)
        .filter(([, f]) => f.kind === 'url')
        .map(([name, f]) => ({ key: engine.settingsKey, name, field: f })),
    );
    expect(urlFields.map((f) => f.key)).toEqual(
      expect.arrayContaining([
        'apertium',
        'libretranslate',
        'deepl',
        'googleCloud',
        'microsoft',
        'openai',
      ]),
    );
    for (const { key, name, field } of urlFields) {
      const typed = parseSettings({ [key]: { [name]: ' https://example.org/api \n' } });
      expect((typed[key] as Record<string, string>)[name]).toBe('https://example.org/api');
      const bad = parseSettings({ [key]: { [name]: 'ftp://example.org' } });
      expect((bad[key] as Record<string, string>)[name]).toBe(field.default);
    }
  });

  it('names the hosts each engine sends text to, and which of them are not granted yet', () => {
    const origins = (id: string, values = {}) =>
      ENGINES.find((e) => e.id === id)!.origins(values as never);
    expect(origins('chrome')).toEqual([]);
    expect(origins('google-web')).toEqual(['https://translate-pa.googleapis.com/*']);
    expect(origins('apertium', { baseUrl: 'http://127.0.0.1:2737' })).toEqual([
      'http://127.0.0.1/*',
    ]);
    expect(origins('deepl', { baseUrl: '' })).toEqual([
      'https://api-free.deepl.com/*',
      'https://api.deepl.com/*',
    ]);
    expect(origins('microsoft', { baseUrl: '', region: '' })).toEqual([
      'https://api.cognitive.microsofttranslator.com/*',
    ]);
    const granted = ['http://127.0.0.1/*', '*://*.googleapis.com/*'];
    expect(
      missingOrigins(granted, [
        'http://127.0.0.1/*',
        'https://translation.googleapis.com/*',
        'https://api.deepl.com/*',
      ]),
    ).toEqual(['https://api.deepl.com/*']);
    expect(missingOrigins(['*://*/*'], ['https://api.deepl.com/*'])).toEqual([]);
  });
});
