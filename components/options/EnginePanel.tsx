import { useState } from 'preact/hooks';
import type { EngineId } from '@/utils/engines/catalog';
import {
  validFieldValue,
  type EngineDescriptor,
  type EngineField,
} from '@/utils/engines/descriptor';
import type { EngineTestResult } from '@/utils/engines/test-connection';
import { t } from '@/utils/i18n';
import { sendToBackground } from '@/utils/messaging/protocol';
import { engineValues, type Settings } from '@/utils/settings/schema';
import type { ApplySettings } from './types';

type Engine = EngineDescriptor<EngineId>;

/** `apertium-url`, `microsoft-region`: the ids pages, tests and scripts address the inputs by. */
const inputId = (engine: Engine, field: string) =>
  `${engine.id}-${field === 'baseUrl' ? 'url' : field}`;

/**
 * One engine's settings, key and connection test, from its descriptor. A field is stored when
 * the reader leaves it with a valid value; an invalid one stays in the input, marked, unsaved.
 */
export function EnginePanel({
  engine,
  settings,
  apiKey,
  open,
  onKey,
  apply,
  allow,
}: {
  engine: Engine;
  settings: Settings;
  /** The engine's key, for engines that take one. */
  apiKey: string | undefined;
  open: boolean;
  onKey: (key: string) => void;
  apply: ApplySettings;
  /** Asks for the engine's hosts when these values send text elsewhere; false if refused. */
  allow: (values: Record<string, string>) => Promise<boolean>;
}) {
  const stored = engineValues(engine, settings);
  const [drafts, setDrafts] = useState<Record<string, string>>(stored);
  const [key, setKey] = useState(apiKey ?? '');
  const [test, setTest] = useState<EngineTestResult | 'running' | null>(null);
  const fields = Object.entries<EngineField>(engine.fields);
  const invalid = (name: string, field: EngineField) =>
    validFieldValue(field, drafts[name] ?? '') === undefined;

  /** Stores what the input holds now (the draft state may not have caught up yet). */
  const commit = (name: string, field: EngineField, input: string) => {
    const value = validFieldValue(field, input);
    if (value === undefined) return;
    const values = { ...stored, [name]: value };
    setDrafts((d) => ({ ...d, [name]: value }));
    void allow(values).then((allowed) => {
      if (!allowed) return;
      return apply((s) => ({
        ...s,
        [engine.settingsKey]: { ...engineValues(engine, s), [name]: value },
      }));
    });
  };

  /** Tests the engine as the form shows it, valid fields only, before anything is stored. */
  const runTest = async () => {
    setTest('running');
    const edited = Object.fromEntries(
      fields.map(([name, field]) => [
        name,
        validFieldValue(field, drafts[name] ?? '') ?? stored[name],
      ]),
    );
    try {
      setTest(
        await sendToBackground('testEngine', {
          engine: engine.id,
          settings:
            engine.settingsKey === '' ? settings : { ...settings, [engine.settingsKey]: edited },
          key: key.trim(),
        }),
      );
    } catch (error) {
      setTest({ ok: false, message: String(error) });
    }
  };

  return (
    <details open={open}>
      <summary>{t(engine.label)}</summary>
      {fields.map(([name, field]) => {
        const id = inputId(engine, name);
        const bad = invalid(name, field);
        return (
          <p key={name}>
            <label for={id}>{t(field.label)}</label>
            <br />
            <input
              id={id}
              type={field.kind === 'url' ? 'url' : 'text'}
              size={40}
              value={drafts[name] ?? ''}
              placeholder={field.placeholder && t(field.placeholder)}
              aria-invalid={bad}
              aria-describedby={bad ? `${id}-error` : undefined}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setDrafts((d) => ({ ...d, [name]: value }));
              }}
              onChange={(e) => commit(name, field, e.currentTarget.value)}
            />
            {bad && (
              <span id={`${id}-error`} class="error" data-testid={`${id}-error`}>
                {' '}
                {t(field.kind === 'url' ? 'invalidUrl' : 'invalidValue')}
              </span>
            )}
          </p>
        );
      })}
      {apiKey !== undefined && (
        <p>
          <label for={`${engine.id}-key`}>{t('apiKey')}</label>
          <br />
          <input
            id={`${engine.id}-key`}
            type="password"
            autocomplete="off"
            size={40}
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
            onChange={(e) => onKey(e.currentTarget.value)}
          />
        </p>
      )}
      <p>
        <button type="button" data-testid={`test-${engine.id}`} onClick={() => void runTest()}>
          {t('testConnection')}
        </button>{' '}
        <output
          data-testid={`test-result-${engine.id}`}
          class={test && test !== 'running' && !test.ok ? 'error' : undefined}
          aria-live="polite"
        >
          {test === 'running'
            ? t('testing')
            : test
              ? test.ok
                ? t('testOk', test.message)
                : t('testFailed', test.message)
              : ''}
        </output>
      </p>
    </details>
  );
}
