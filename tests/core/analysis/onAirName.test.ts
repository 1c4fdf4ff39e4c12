import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOnAirName } from '../../../electron/core/analysis/onAirName';
import { FIRST_NAMES } from '../../../shared/data/firstNames';

const name = (senderName: string, surnameFirst = false) => parseOnAirName(senderName, surnameFirst);

describe('parseOnAirName', () => {
  it.each([
    ['Сейткали Айгерим Болатовна', 'Айгерим'],
    ['Иванов Пётр Сергеевич', 'Пётр'],
    ['Айгерим Болатовна Сейткали', 'Айгерим'],
    ['Айгерим Болатовна', 'Айгерим'],
    ['Сейткали Айгерим Болатқызы', 'Айгерим'],
    ['Сейткали Айгерим Болат қызы', 'Айгерим'],
    ['Оспанов Нұрлан Маратұлы', 'Нұрлан'],
    ['Оспанов Нурлан Маратулы', 'Нурлан'],
    ['Ахметов Зуфар Ринатович', 'Зуфар'],
  ])('reads a patronymic: %s → %s, sure', (sender, first) => {
    expect(name(sender, true)).toEqual({ firstName: first, toCheck: false });
    expect(name(sender, false)).toEqual({ firstName: first, toCheck: false });
  });

  it.each([
    ['Жаксыбекова Айгерім', 'Айгерім'],
    ['Айгерім Жаксыбекова', 'Айгерім'],
    ['Назарбаев Ерлан', 'Ерлан'],
    ['Нұрланұлы Айдар', 'Айдар'],
    ['Айдар Нұрланұлы', 'Айдар'],
    ['Петров Зуфар', 'Зуфар'],
    ['Берик Ким', 'Берик'],
    ['Марина Ильина', 'Марина'],
    ['Ильина Марина', 'Марина'],
    ['Покровский Лев', 'Лев'],
    ['АЙГЕРИМ', 'Айгерим'],
    ['айгерим сейткалиева', 'Айгерим'],
    ['Гүлмира апай', 'Гүлмира'],
    ['Ерлан аға', 'Ерлан'],
    ['г-жа Иванова Ольга', 'Ольга'],
  ])('tells the surname by its ending or the first name by the list: %s → %s', (sender, first) => {
    expect(name(sender, true)).toEqual({ firstName: first, toCheck: false });
    expect(name(sender, false)).toEqual({ firstName: first, toCheck: false });
  });

  it('asks when nothing tells the order, guessing surname first for call-centre lists', () => {
    // Сейткали is a given name too: both readings are possible.
    expect(name('Сейткали Айгерим', true)).toEqual({ firstName: 'Айгерим', toCheck: true });
    expect(name('Айгерим Сейткали', false)).toEqual({ firstName: 'Айгерим', toCheck: true });
    expect(name('Зуфар Кенес', false)).toEqual({ firstName: 'Зуфар', toCheck: true });
    expect(name('Aigerim Seitkali', false)).toEqual({ firstName: 'Aigerim', toCheck: true });
  });

  it('never offers a surname alone as a first name, and asks for one', () => {
    expect(name('Иванов')).toEqual({ firstName: '', toCheck: true });
    expect(name('Иванов И. И.', true)).toEqual({ firstName: '', toCheck: true });
    expect(name('Иванов И.И.', true)).toEqual({ firstName: '', toCheck: true });
    expect(name('Сейткалиева')).toEqual({ firstName: '', toCheck: true });
  });

  it('asks about an unknown single word and a name made of a handle or digits', () => {
    expect(name('Зуфар')).toEqual({ firstName: 'Зуфар', toCheck: true });
    expect(name('@aigerim_87')).toEqual({ firstName: '', toCheck: true });
    expect(name('+7 701 123 45 67')).toEqual({ firstName: '', toCheck: true });
  });

  it('reads nothing out for an anonymous sender, and has nothing to check', () => {
    expect(name('Аноним', true)).toEqual({ firstName: '', toCheck: false });
    expect(name('Anonymous')).toEqual({ firstName: '', toCheck: false });
    expect(name('')).toEqual({ firstName: '', toCheck: false });
  });

  const surnames = ['Сейткалиева', 'Иванов', 'Жаксыбеков', 'Покровская', 'Назарбаева', 'Ахметов', 'Оспанова', 'Нұрланұлы'];
  it('never returns the surname, whatever the order and the channel', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIRST_NAMES),
        fc.constantFrom(...surnames),
        fc.constantFrom('', 'Болатовна', 'Маратович', 'Болатқызы'),
        fc.boolean(),
        fc.boolean(),
        (first, surname, patronymic, surnameFirstWritten, surnameFirstGuess) => {
          const parts = surnameFirstWritten ? [surname, first, patronymic] : [first, patronymic, surname];
          const parsed = name(parts.filter(Boolean).join(' '), surnameFirstGuess);
          expect(parsed).toEqual({ firstName: first, toCheck: false });
        },
      ),
    );
  });
});
