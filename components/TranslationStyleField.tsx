import { t, type MessageKey } from '@/utils/i18n';
import { TRANSLATION_STYLES, type TranslationStyle } from '@/utils/settings/schema';

const TRANSLATION_STYLE_LABELS: Record<TranslationStyle, MessageKey> = {
  rule: 'translationStyleRule',
  tint: 'translationStyleTint',
  italic: 'translationStyleItalic',
  none: 'translationStyleNone',
};

/** How translations on the page are set apart from the original (options, reading section). */
export function TranslationStyleField({
  value,
  onChange,
}: {
  value: TranslationStyle;
  onChange: (style: TranslationStyle) => void;
}) {
  return (
    <fieldset data-testid="translation-style">
      <legend>{t('translationStyleLegend')}</legend>
      {TRANSLATION_STYLES.map((style) => (
        <label key={style} class="choice">
          <input
            type="radio"
            name="translation-style"
            value={style}
            checked={value === style}
            onChange={() => onChange(style)}
          />{' '}
          {t(TRANSLATION_STYLE_LABELS[style])}
        </label>
      ))}
    </fieldset>
  );
}
