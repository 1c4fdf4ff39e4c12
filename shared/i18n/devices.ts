/** The "Connect devices" panel (LAN links per role) and the desktop menu's LAN switch. */
export const devicesStrings = {
  en: {
    nav: { devices: 'Connect devices' },
    desktop: { menu: { allowLan: 'Allow teleprompter and press PCs on the LAN' } },
    devices: {
      title: 'Connect devices',
      intro: 'Open a link on the other computer, or scan its QR code. Each link opens one role: keep them private.',
      close: 'Close',
      loading: 'Loading…',
      address: 'Network address {{address}}',
      kind: {
        producer: 'Producer console',
        speaker: 'Teleprompter',
        press: 'Press',
        public: 'Public form',
      },
      hint: {
        producer: 'For a second producer: full moderation.',
        speaker: "For the speaker's PC: the teleprompter only.",
        press: 'For a press laptop: sees what is on air, cannot moderate.',
        public: 'For citizens: the question form; it needs no token.',
      },
      copy: 'Copy link',
      copied: 'Copied',
      copyFailed: 'Could not copy: select the link and copy it by hand.',
      renew: 'Renew link',
      renewConfirm:
        'Renew the “{{kind}}” link? Every device using the old link is disconnected at once and has to open the new one.',
      renewYes: 'Renew',
      renewNo: 'Cancel',
      renewed: 'New “{{kind}}” link made; the old one no longer works.',
      qrAlt: 'QR code of the “{{kind}}” link',
      off: {
        title: 'LAN access is off',
        body: 'The desk accepts connections from this computer only, so other PCs cannot open it.',
        serve: 'Headless server: start it with',
        desktop: 'Desktop app: menu Desk → “Allow teleprompter and press PCs on the LAN”.',
      },
      noAddress:
        'The desk listens on the network, but this computer has no network address right now. Connect it to the studio network.',
      error: 'Could not load the links: {{message}}',
    },
  },
  ru: {
    nav: { devices: 'Подключить устройства' },
    desktop: { menu: { allowLan: 'Разрешить ПК суфлёра и прессы в локальной сети' } },
    devices: {
      title: 'Подключить устройства',
      intro:
        'Откройте ссылку на другом компьютере или отсканируйте её QR-код. Каждая ссылка открывает одну роль — не передавайте их посторонним.',
      close: 'Закрыть',
      loading: 'Загрузка…',
      address: 'Сетевой адрес {{address}}',
      kind: {
        producer: 'Пульт продюсера',
        speaker: 'Суфлёр',
        press: 'Пресса',
        public: 'Публичная форма',
      },
      hint: {
        producer: 'Для второго продюсера: полная модерация.',
        speaker: 'Для компьютера спикера: только суфлёр.',
        press: 'Для ноутбука пресс-службы: видит, что в эфире, модерировать не может.',
        public: 'Для горожан: форма вопроса, токен не нужен.',
      },
      copy: 'Копировать ссылку',
      copied: 'Скопировано',
      copyFailed: 'Не удалось скопировать — выделите ссылку и скопируйте вручную.',
      renew: 'Обновить ссылку',
      renewConfirm:
        'Обновить ссылку «{{kind}}»? Все устройства со старой ссылкой сразу отключатся, им нужно будет открыть новую.',
      renewYes: 'Обновить',
      renewNo: 'Отмена',
      renewed: 'Новая ссылка «{{kind}}» готова, старая больше не работает.',
      qrAlt: 'QR-код ссылки «{{kind}}»',
      off: {
        title: 'Доступ по локальной сети выключен',
        body: 'Пульт принимает подключения только с этого компьютера, другие ПК не могут его открыть.',
        serve: 'Сервер без окон: запустите',
        desktop: 'Приложение: меню «Пульт» → «Разрешить ПК суфлёра и прессы в локальной сети».',
      },
      noAddress:
        'Пульт слушает сеть, но у этого компьютера сейчас нет сетевого адреса. Подключите его к сети студии.',
      error: 'Не удалось загрузить ссылки: {{message}}',
    },
  },
  kk: {
    nav: { devices: 'Құрылғыларды қосу' },
    desktop: { menu: { allowLan: 'Жергілікті желідегі суфлер мен баспасөз компьютерлеріне рұқсат беру' } },
    devices: {
      title: 'Құрылғыларды қосу',
      intro:
        'Сілтемені басқа компьютерде ашыңыз немесе оның QR-кодын сканерлеңіз. Әр сілтеме бір рөлді ашады — оларды бөгде адамдарға бермеңіз.',
      close: 'Жабу',
      loading: 'Жүктелуде…',
      address: 'Желі мекенжайы {{address}}',
      kind: {
        producer: 'Продюсер пульті',
        speaker: 'Суфлер',
        press: 'Баспасөз',
        public: 'Қоғамдық форма',
      },
      hint: {
        producer: 'Екінші продюсерге: толық модерация.',
        speaker: 'Спикердің компьютеріне: тек суфлер.',
        press: 'Баспасөз қызметінің ноутбугіне: эфирде не барын көреді, модерациялай алмайды.',
        public: 'Тұрғындарға: сұрақ формасы, токен қажет емес.',
      },
      copy: 'Сілтемені көшіру',
      copied: 'Көшірілді',
      copyFailed: 'Көшіру мүмкін болмады — сілтемені белгілеп, қолмен көшіріңіз.',
      renew: 'Сілтемені жаңарту',
      renewConfirm:
        '«{{kind}}» сілтемесін жаңарту керек пе? Ескі сілтемені қолданатын барлық құрылғы бірден ажыратылады, оларға жаңа сілтемені ашу керек болады.',
      renewYes: 'Жаңарту',
      renewNo: 'Болдырмау',
      renewed: '«{{kind}}» үшін жаңа сілтеме дайын, ескісі енді жұмыс істемейді.',
      qrAlt: '«{{kind}}» сілтемесінің QR-коды',
      off: {
        title: 'Жергілікті желі арқылы кіру өшірулі',
        body: 'Пульт тек осы компьютерден қосылуды қабылдайды, басқа компьютерлер оны аша алмайды.',
        serve: 'Терезесіз сервер: былай іске қосыңыз',
        desktop: 'Қосымша: «Пульт» мәзірі → «Жергілікті желідегі суфлер мен баспасөз компьютерлеріне рұқсат беру».',
      },
      noAddress:
        'Пульт желіні тыңдап тұр, бірақ бұл компьютерде қазір желі мекенжайы жоқ. Оны студия желісіне қосыңыз.',
      error: 'Сілтемелерді жүктеу мүмкін болмады: {{message}}',
    },
  },
};
