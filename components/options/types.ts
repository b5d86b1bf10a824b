import type { Settings } from '@/utils/settings/schema';

/** Stores a change to the settings at once; the options page then says "Saved." */
export type ApplySettings = (change: (current: Settings) => Settings) => Promise<void>;

/** Puts a message (saved, refused, invalid) in the page's one status line. */
export type ShowStatus = (message: string) => void;

/** What a section that changes settings gets from the options page. */
export interface SettingsSectionProps {
  settings: Settings;
  apply: ApplySettings;
  showStatus: ShowStatus;
}
