import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/core/store/audit';
import { startTestCore, type TestCore } from '../../helpers/core';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;

beforeEach(async () => {
  core = await startTestCore({ now: () => Date.UTC(2026, 4, 20, 9) });
  producer = await TestWsClient.connect(core.url, 'producer', 'en', 'Айгерим');
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

const newDepartment = {
  code: 'veterinary',
  names: { kk: 'Ветеринария басқармасы', ru: 'Управление ветеринарии', en: 'Department of Veterinary Affairs' },
  contactPerson: 'Асем Нурланова',
  email: 'vet@almaty.gov.kz',
};

describe('the department directory', () => {
  it('is seeded with the city departments and the 8 district akimats', async () => {
    const { items } = await producer.send('department.directory', {});
    const districts = items.filter((d) => d.code.startsWith('akimat_'));
    expect(districts.map((d) => d.names.ru)).toEqual([
      'Аппарат акима Алатауского района',
      'Аппарат акима Алмалинского района',
      'Аппарат акима Ауэзовского района',
      'Аппарат акима Бостандыкского района',
      'Аппарат акима Жетысуского района',
      'Аппарат акима Медеуского района',
      'Аппарат акима Наурызбайского района',
      'Аппарат акима Турксибского района',
    ]);
    expect(items.find((d) => d.code === 'energy')).toMatchObject({ active: true, contactPerson: '', email: '' });
  });

  it('adds a department with its contact, audited under the producer’s name, and tells every console', async () => {
    const other = await TestWsClient.connect(core.url, 'producer');
    const { items } = await producer.send('department.save', newDepartment);
    const saved = items.find((d) => d.code === 'veterinary');
    expect(saved).toMatchObject({ ...newDepartment, active: true });
    await other.waitForEvent('department.changed', (p) => p.items.some((d: { code: string }) => d.code === 'veterinary'));
    other.close();
    const audit = listAudit(core.db, 'department', saved!.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'department.create', actor: expect.stringContaining('Айгерим') });
    // The new department is offered for hand-offs on the rundown.
    const offered = await producer.send('department.list', {});
    expect(offered.items.map((d) => d.code)).toContain('veterinary');
  });

  it('edits the contact person and e-mail, keeping before and after in the audit', async () => {
    const energy = (await producer.send('department.directory', {})).items.find((d) => d.code === 'energy')!;
    await producer.send('department.save', { ...energy, contactPerson: 'Ержан Сапаров', email: 'energy@almaty.gov.kz' });
    const row = core.db.prepare('SELECT contact_person, email FROM department WHERE id = ?').get(energy.id);
    expect(row).toEqual({ contact_person: 'Ержан Сапаров', email: 'energy@almaty.gov.kz' });
    const [entry] = listAudit(core.db, 'department', energy.id);
    expect(entry).toMatchObject({ action: 'department.edit', before: { contactPerson: '' }, after: { email: 'energy@almaty.gov.kz' } });
  });

  it('archives a department: kept in the directory, no longer offered for hand-offs', async () => {
    const energy = (await producer.send('department.directory', {})).items.find((d) => d.code === 'energy')!;
    await producer.send('department.save', { ...energy, active: false });
    expect((await producer.send('department.list', {})).items.map((d) => d.code)).not.toContain('energy');
    expect((await producer.send('department.directory', {})).items.find((d) => d.code === 'energy')?.active).toBe(false);
  });

  it('refuses a taken code, a changed code, a bad e-mail and an unknown id with a 4xx-style error', async () => {
    const energy = (await producer.send('department.directory', {})).items.find((d) => d.code === 'energy')!;
    const taken = await producer.request('department.save', { ...newDepartment, code: 'mobility' });
    expect(taken).toMatchObject({ ok: false, error: { code: 'validation', field: 'code', message: 'Another department already uses this code.' } });
    const renamed = await producer.request('department.save', { ...energy, code: 'power' });
    expect(renamed).toMatchObject({ ok: false, error: { code: 'validation', field: 'code' } });
    const email = await producer.request('department.save', { ...newDepartment, email: 'not an address' });
    expect(email).toMatchObject({ ok: false, error: { code: 'validation', field: 'email' } });
    const unknown = await producer.request('department.save', { ...newDepartment, id: 9999 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM department WHERE code IN ('veterinary', 'power')").get()).toEqual({ n: 0 });
  });

  it('is not editable by a speaker or the press', async () => {
    const press = await TestWsClient.connect(core.url, 'press');
    expect(await press.request('department.save', newDepartment)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    press.close();
  });
});
