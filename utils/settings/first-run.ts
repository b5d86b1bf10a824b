import { baseLanguage, TARGET_LANGUAGES } from '@/utils/languages';
import { getSettings, updateSettings } from './store';

/**
 * On install: articles are translated into the browser's language when Foreign Desk can
 * translate into it (else the default stays). Written only when it changes what is stored.
 */
export async function presetTargetLanguage(browserLanguage: string): Promise<void> {
  const preset = baseLanguage(browserLanguage);
  if (!TARGET_LANGUAGES.includes(preset)) return;
  if ((await getSettings()).targetLang === preset) return;
  await updateSettings((s) => ({ ...s, targetLang: preset }));
}
