import { useEffect, useState } from 'preact/hooks';
import { languageName } from '@/utils/languages';
import type { Settings } from '@/utils/settings/schema';
import { getSettings, updateSettings } from '@/utils/settings/store';

const TARGET_LANGUAGES = ['en', 'es', 'de', 'fr', 'it', 'pt', 'ru', 'ja', 'zh', 'ar'];

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [url, setUrl] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    void getSettings().then((s) => {
      setSettings(s);
      setUrl(s.apertium.baseUrl);
    });
  }, []);
  if (!settings) return <p role="status">Loading…</p>;

  const save = async (event: Event) => {
    event.preventDefault();
    let valid = false;
    try {
      valid = /^https?:$/.test(new URL(url).protocol);
    } catch {
      valid = false;
    }
    if (!valid) {
      setStatus('The engine address must be an http:// or https:// URL.');
      return;
    }
    const next = await updateSettings((s) => ({
      ...s,
      ...settings,
      apertium: { baseUrl: url.trim() },
    }));
    setSettings(next);
    setStatus('Saved.');
  };

  return (
    <main class="popup options">
      <h1>Foreign Desk settings</h1>
      <form onSubmit={save}>
        <p>
          <label for="target-lang">Translate into</label>{' '}
          <select
            id="target-lang"
            value={settings.targetLang}
            onChange={(e) => setSettings({ ...settings, targetLang: e.currentTarget.value })}
          >
            {TARGET_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code, navigator.language)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="apertium-url">Apertium APy address</label>
          <br />
          <input
            id="apertium-url"
            type="url"
            size={40}
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </p>
        <p class="meta">
          The article text of the sites you switch on is sent to this address to be translated.
        </p>
        <button id="save" type="submit">
          Save
        </button>{' '}
        <span role="status">{status}</span>
      </form>
    </main>
  );
}
