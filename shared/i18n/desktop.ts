/** The desktop shell's native menus. */
export const desktopStrings = {
  en: {
    desktop: {
      menu: {
        desk: 'Desk',
        openConsole: 'Producer console',
        openPrompter: 'Open teleprompter',
        prompterDisplay: 'Teleprompter display',
        display: 'Display {{n}} — {{width}}×{{height}}',
        primary: '{{label}} (main)',
        view: 'View',
        quit: 'Quit',
      },
    },
  },
  ru: {
    desktop: {
      menu: {
        desk: 'Пульт',
        openConsole: 'Пульт продюсера',
        openPrompter: 'Открыть суфлёр',
        prompterDisplay: 'Экран суфлёра',
        display: 'Экран {{n}} — {{width}}×{{height}}',
        primary: '{{label}} (основной)',
        view: 'Вид',
        quit: 'Выйти',
      },
    },
  },
  kk: {
    desktop: {
      menu: {
        desk: 'Пульт',
        openConsole: 'Продюсер пульті',
        openPrompter: 'Суфлерді ашу',
        prompterDisplay: 'Суфлер экраны',
        display: '{{n}}-экран — {{width}}×{{height}}',
        primary: '{{label}} (негізгі)',
        view: 'Көрініс',
        quit: 'Шығу',
      },
    },
  },
};
