import 'i18next';
import type { UiStrings } from '../shared/i18n';

// A key the strings do not have fails the type-check, in every screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: UiStrings };
  }
}
