import type { Migration } from '.';

/** Almaty city departments (басқармалар / управления) and district akims' offices, kk/ru/en. */
const DEPARTMENTS: ReadonlyArray<readonly [code: string, kk: string, ru: string, en: string]> = [
  ['energy', 'Энергетика және коммуналдық шаруашылық басқармасы', 'Управление энергетики и коммунального хозяйства', 'Department of Energy and Utilities'],
  ['mobility', 'Мобильділік басқармасы', 'Управление мобильности', 'Department of Mobility'],
  ['urban_planning', 'Қалалық жоспарлау және урбанистика басқармасы', 'Управление городского планирования и урбанистики', 'Department of Urban Planning'],
  ['ecology', 'Экология және қоршаған орта басқармасы', 'Управление экологии и окружающей среды', 'Department of Ecology and Environment'],
  ['education', 'Білім басқармасы', 'Управление образования', 'Department of Education'],
  ['health', 'Қоғамдық денсаулық сақтау басқармасы', 'Управление общественного здравоохранения', 'Department of Public Health'],
  ['social', 'Жұмыспен қамту және әлеуметтік бағдарламалар басқармасы', 'Управление занятости и социальных программ', 'Department of Employment and Social Programmes'],
  ['housing', 'Тұрғын үй саясаты басқармасы', 'Управление жилищной политики', 'Department of Housing Policy'],
  ['construction', 'Құрылыс басқармасы', 'Управление строительства', 'Department of Construction'],
  ['land', 'Жер қатынастары басқармасы', 'Управление земельных отношений', 'Department of Land Relations'],
  ['business', 'Кәсіпкерлік және инвестициялар басқармасы', 'Управление предпринимательства и инвестиций', 'Department of Entrepreneurship and Investment'],
  ['culture', 'Мәдениет басқармасы', 'Управление культуры', 'Department of Culture'],
  ['sport', 'Спорт басқармасы', 'Управление спорта', 'Department of Sport'],
  ['digital', 'Цифрландыру басқармасы', 'Управление цифровизации', 'Department of Digitalisation'],
  ['public_development', 'Қоғамдық даму басқармасы', 'Управление общественного развития', 'Department of Public Development'],
  ['police', 'Алматы қаласы Полиция департаменті', 'Департамент полиции города Алматы', 'Almaty City Police Department'],
  ['akimat_alatau', 'Алатау ауданы әкімінің аппараты', 'Аппарат акима Алатауского района', 'Office of the Akim of Alatau District'],
  ['akimat_almaly', 'Алмалы ауданы әкімінің аппараты', 'Аппарат акима Алмалинского района', 'Office of the Akim of Almaly District'],
  ['akimat_auezov', 'Әуезов ауданы әкімінің аппараты', 'Аппарат акима Ауэзовского района', 'Office of the Akim of Auezov District'],
  ['akimat_bostandyk', 'Бостандық ауданы әкімінің аппараты', 'Аппарат акима Бостандыкского района', 'Office of the Akim of Bostandyk District'],
  ['akimat_zhetysu', 'Жетісу ауданы әкімінің аппараты', 'Аппарат акима Жетысуского района', 'Office of the Akim of Zhetysu District'],
  ['akimat_medeu', 'Медеу ауданы әкімінің аппараты', 'Аппарат акима Медеуского района', 'Office of the Akim of Medeu District'],
  ['akimat_nauryzbay', 'Наурызбай ауданы әкімінің аппараты', 'Аппарат акима Наурызбайского района', 'Office of the Akim of Nauryzbay District'],
  ['akimat_turksib', 'Түрксіб ауданы әкімінің аппараты', 'Аппарат акима Турксибского района', 'Office of the Akim of Turksib District'],
];

export const m0080DepartmentsHandoffs: Migration = {
  version: 80,
  name: 'departments-handoffs',
  up(db) {
    db.exec(`
      CREATE TABLE department (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name_kk TEXT NOT NULL,
        name_ru TEXT NOT NULL,
        name_en TEXT NOT NULL,
        contact TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE handoff (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES question (id),
        department_id INTEGER NOT NULL REFERENCES department (id),
        reference TEXT NOT NULL UNIQUE,
        due_date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'overdue')),
        resolution TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX handoff_question ON handoff (question_id);
      CREATE INDEX handoff_due ON handoff (status, due_date);
    `);
    const insert = db.prepare(
      `INSERT INTO department (code, name_kk, name_ru, name_en, position) VALUES (?, ?, ?, ?, ?)`,
    );
    DEPARTMENTS.forEach(([code, kk, ru, en], i) => insert.run(code, kk, ru, en, i + 1));
  },
};
