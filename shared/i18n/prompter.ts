/** The speaker's teleprompter. */
export const prompterStrings = {
  en: {
    prompter: {
      title: 'Teleprompter',
      waiting: 'Waiting for the next question…',
      next: 'Next',
      asker: '{{name}}, {{district}}',
      askerNoDistrict: '{{name}}',
    },
  },
  ru: {
    prompter: {
      title: 'Телесуфлёр',
      waiting: 'Ожидаем следующий вопрос…',
      next: 'Далее',
      asker: '{{name}}, {{district}} район',
      askerNoDistrict: '{{name}}',
    },
  },
  kk: {
    prompter: {
      title: 'Телесуфлер',
      waiting: 'Келесі сұрақ күтілуде…',
      next: 'Келесі',
      asker: '{{name}}, {{district}} ауданы',
      askerNoDistrict: '{{name}}',
    },
  },
};
